namespace DbtTfProvider.DbtCloud;

/// <summary>The one place that takes <c>data</c> out of the envelope, and walks offset/limit pages.</summary>
internal static class Envelope
{
    /// <summary>Largest page the service serves (a larger limit answers 400).</summary>
    public const int PageSize = 100;

    /// <summary>Upper bound on pages read for one list, so that a service that ignores offset cannot loop forever.</summary>
    private const int MaxPages = 10_000;

    public static T Data<T>(DbtEnvelope<T> envelope, string what) where T : class
    {
        if (envelope.Status is { IsSuccess: false } status)
            throw DbtCloudApiException.FromEnvelopeStatus(status, what);
        return envelope.Data ?? throw new DbtCloudApiException(
            $"the answer to {what} has no data", null, Http.ApiErrorKind.Unexpected, [], null, null, null, null);
    }

    public static Task<List<T>> ReadAllPagesAsync<T>(
        Func<int, int, CancellationToken, Task<DbtEnvelope<List<T>>>> page, string what, CancellationToken cancellationToken) =>
        ReadPagesAsync((offset, token) => page(offset, PageSize, token), PageSize, what, cancellationToken);

    /// <summary>
    /// Every page of a list that takes only <c>offset</c> (the v3 token and grant lists: dbt Cloud refuses <c>limit</c>
    /// there), as dbt Labs' client pages them: until <c>total_count</c> items are read, or a page is empty; an answer
    /// without <c>total_count</c> is the whole list.
    /// </summary>
    public static Task<List<T>> ReadAllPagesByOffsetAsync<T>(
        Func<int, CancellationToken, Task<DbtEnvelope<List<T>>>> page, string what, CancellationToken cancellationToken) =>
        ReadPagesAsync(page, pageSize: null, what, cancellationToken);

    private static async Task<List<T>> ReadPagesAsync<T>(
        Func<int, CancellationToken, Task<DbtEnvelope<List<T>>>> page, int? pageSize, string what, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        for (var pages = 0; pages < MaxPages; pages++)
        {
            var envelope = await page(all.Count, cancellationToken).ConfigureAwait(false);
            var items = Data(envelope, what);
            all.AddRange(items);
            var total = envelope.Extra?.Pagination?.TotalCount;
            // Without a total, a limit-paged list ends at a short page; an offset-paged one is taken as one page (dbt Labs' reading).
            if (items.Count == 0 || (total is { } t ? all.Count >= t : pageSize is not { } size || items.Count < size))
                return all;
        }
        throw new DbtCloudApiException($"{what} did not end after {MaxPages} pages", null, Http.ApiErrorKind.Unexpected, [], null, null, null, null);
    }
}
