using Microsoft.Extensions.Logging;

namespace DbtTfProvider.Clients.Tests;

internal sealed record RecordedRequest(string Method, Uri Uri, string? Body, IReadOnlyDictionary<string, string> Headers, string? ContentType);
