namespace DbtTfProvider.Plugin.Cty;

/// <summary>One step of a path into a value: an attribute, a list/tuple index or a map key.</summary>
public abstract record CtyPathStep;
