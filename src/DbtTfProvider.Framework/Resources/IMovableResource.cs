namespace DbtTfProvider.Framework.Resources;

/// <summary>
/// Implemented by resources that accept another resource type's state in a <c>moved</c> block (Terraform 1.8+,
/// MoveResourceState), e.g. a type of another provider that managed the same remote object. The framework matches the
/// request against <see cref="MoveSources"/>, hands the matching mapping the source's raw JSON state, and answers
/// anything unmatched with an error that names what is accepted. Nothing is read from or written to the service: the
/// refresh that follows in the same plan reads the object.
/// </summary>
public interface IMovableResource<TModel> where TModel : class, new()
{
    IReadOnlyList<StateMoveSource<TModel>> MoveSources { get; }
}
