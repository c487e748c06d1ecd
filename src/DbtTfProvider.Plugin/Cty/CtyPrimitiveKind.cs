namespace DbtTfProvider.Plugin.Cty;

public enum CtyPrimitiveKind { String, Number, Bool }
