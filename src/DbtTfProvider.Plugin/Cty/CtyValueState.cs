namespace DbtTfProvider.Plugin.Cty;

public enum CtyValueState { Known, Null, Unknown }
