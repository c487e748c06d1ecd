namespace DbtTfProvider.Http;

/// <summary>
/// Replaces every secret of a <see cref="SecretRedactor"/> in the error answers of a service (status and body) before
/// anything reads them: the exception a client builds from the answer, the diagnostics and the log lines made from it
/// then never carry a credential that a careless service echoed. Successful answers are left alone: they are data
/// (a token's secret in the answer that created it), not messages.
/// </summary>
/// <remarks>Sits between the <see cref="ResilienceHandler"/> and the transport, so that the attempt timeout covers reading the body.</remarks>
public sealed class SecretRedactingHandler(SecretRedactor redactor, HttpMessageHandler innerHandler) : DelegatingHandler(innerHandler)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || !redactor.HasSecrets)
            return response;
        response.ReasonPhrase = redactor.RedactOrNull(response.ReasonPhrase);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var redacted = redactor.RedactBody(body);
        if (!ReferenceEquals(redacted, body))
        {
            var content = new ByteArrayContent(redacted);
            foreach (var header in response.Content.Headers)
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                    content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            response.Content.Dispose();
            response.Content = content;
        }
        return response;
    }
}
