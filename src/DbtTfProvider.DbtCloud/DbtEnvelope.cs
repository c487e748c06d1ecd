namespace DbtTfProvider.DbtCloud;

/// <summary>dbt Cloud wraps every answer: {"status": {...}, "data": ..., "extra": {...}}. Unwrapped only by <see cref="Envelope"/>.</summary>
public sealed class DbtEnvelope<T>
{
    public DbtStatus? Status { get; set; }
    public T? Data { get; set; }
    public DbtExtra? Extra { get; set; }
}
