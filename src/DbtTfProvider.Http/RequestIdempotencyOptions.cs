namespace DbtTfProvider.Http;

public static class RequestIdempotencyOptions
{
    /// <summary>The <see cref="HttpRequestMessage.Options"/> key the clients set (Refit: <c>[Property(RequestIdempotencyOptions.KeyName)]</c>).</summary>
    public const string KeyName = "DbtTfProvider.RequestIdempotency";

    public static readonly HttpRequestOptionsKey<RequestIdempotency> Key = new(KeyName);

    public static void SetIdempotency(this HttpRequestMessage request, RequestIdempotency idempotency) =>
        request.Options.Set(Key, idempotency);

    public static bool IsIdempotent(this HttpRequestMessage request)
    {
        var declared = request.Options.TryGetValue(Key, out var value) ? value : RequestIdempotency.ByMethod;
        return declared switch
        {
            RequestIdempotency.Idempotent => true,
            RequestIdempotency.NonIdempotent => false,
            _ => request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
                 || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete,
        };
    }
}
