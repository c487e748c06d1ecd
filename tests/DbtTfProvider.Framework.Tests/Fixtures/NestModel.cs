using DbtTfProvider.Framework.Values;

namespace DbtTfProvider.Framework.Tests.Fixtures;

public sealed class NestModel
{
    public TfString Id;
    public TfObject<OwnerModel> Owner;
    public TfList<StepModel> Steps;
    public TfSet<GrantModel> Grants;
    public TfMap<LabelModel> Labels;
    public TfObject<SummaryModel> Summary;
    public TfList<NoteModel> Notes;
}
