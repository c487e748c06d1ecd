namespace DbtTfProvider.Framework.Schema;

internal interface IMemberSpec
{
    string Name { get; }
}
