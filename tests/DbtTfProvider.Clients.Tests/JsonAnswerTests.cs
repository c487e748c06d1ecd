using DbtTfProvider.Datafold;
using DbtTfProvider.DbtCloud;
using DbtTfProvider.Http;

namespace DbtTfProvider.Clients.Tests;

/// <summary>
/// Answers are read through <see cref="SourceGeneratedJsonSerializer"/>: a success answer that is not the JSON the
/// client expects is an error naming that, for both services, never a crash or a default object.
/// </summary>
public sealed class JsonAnswerTests
{
    [Theory]
    [InlineData("""{"status": {"code": 200, "is_success": true}, "data": {"id": "five"}}""")]
    [InlineData("""{"status": {"code": 200, "is_success": true}, "data": {"id": 5, "name": """)]
    [InlineData("<html>maintenance</html>")]
    public async Task A_dbt_Cloud_success_answer_that_is_not_the_expected_json_is_an_unexpected_answer(string body)
    {
        var transport = ScriptedTransport.Steps(Answers.Status(200, body));
        using var client = DbtCloudClient.Create(new DbtCloudClientOptions
        {
            HostUrl = "https://cloud.test/api/", AccountId = 1, Token = "dbtc_test_token", MaxRetries = 0, Transport = transport,
        });

        var error = await Assert.ThrowsAsync<DbtCloudApiException>(() => client.ServiceTokens.GetAsync(5));

        Assert.Equal(ApiErrorKind.Unexpected, error.Kind);
        Assert.Contains("the answer is not what this client expects", error.Message);
    }

    [Fact]
    public async Task A_Datafold_success_answer_that_is_not_the_expected_json_is_an_unexpected_answer()
    {
        var transport = ScriptedTransport.Steps(Answers.Status(200, """{"id": "twelve"}"""));
        using var client = DatafoldClient.Create(new DatafoldClientOptions
        {
            Host = "https://app.datafold.test/", ApiKey = "df_test_key", MaxRetries = 0, Transport = transport,
        });

        var error = await Assert.ThrowsAsync<DatafoldApiException>(() => client.CiConfigs.GetAsync(12));

        Assert.Equal(ApiErrorKind.Unexpected, error.Kind);
        Assert.Contains("the answer is not what this client expects", error.Message);
    }

    [Fact]
    public async Task An_answer_is_read_from_the_network_asynchronously_never_by_a_blocking_read()
    {
        var body = new SyncReadWatch(System.Text.Encoding.UTF8.GetBytes(
            """{"status": {"code": 200, "is_success": true}, "data": {"id": 5, "account_id": 1, "name": "ci", "state": 1, "uid": "abc"}}"""));
        var transport = ScriptedTransport.Steps((_, _) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StreamContent(body) { Headers = { ContentType = new("application/json") } },
        }));
        using var client = DbtCloudClient.Create(new DbtCloudClientOptions
        {
            HostUrl = "https://cloud.test/api/", AccountId = 1, Token = "dbtc_test_token", MaxRetries = 0, Transport = transport,
        });

        var token = await client.ServiceTokens.GetAsync(5);

        Assert.Equal("ci", token.Name);
        Assert.Equal(0, body.SynchronousReads);
    }

    /// <summary>A network-like body: not seekable, and it counts the reads that would block a thread.</summary>
    private sealed class SyncReadWatch(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public int SynchronousReads { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            SynchronousReads++;
            return _inner.Read(buffer, offset, count);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Reading_an_answer_of_a_type_the_context_does_not_describe_names_the_type()
    {
        var serializer = new SourceGeneratedJsonSerializer(DbtCloudJsonContext.Default);
        using var content = new StringContent("{}");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => serializer.FromHttpContentAsync<Uri>(content));

        Assert.Contains("Uri", error.Message);
        Assert.Contains(nameof(DbtCloudJsonContext), error.Message);
    }
}
