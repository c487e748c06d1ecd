namespace DbtTfProvider.Framework.Values;

/// <summary>
/// Null is the zero value on purpose: a freshly constructed model has every attribute null, which is what an
/// attribute absent from configuration is.
/// </summary>
public enum TfValueState { Null = 0, Unknown, Known }
