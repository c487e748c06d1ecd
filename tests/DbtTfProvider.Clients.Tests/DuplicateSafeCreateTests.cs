using System.Net;
using DbtTfProvider.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DbtTfProvider.Clients.Tests;

/// <summary>
/// The resolution of unclear creates against an in-memory service, on a fake clock: what ends up existing, what is
/// sent, and what the caller gets.
/// </summary>
public sealed class DuplicateSafeCreateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private CreateSafetyOptions Options(int maxPosts = 3) => new()
    {
        MaxPosts = maxPosts,
        ResolveDeadline = TimeSpan.FromSeconds(60),
        SettleTime = TimeSpan.FromSeconds(3),
        LookInterval = TimeSpan.FromMilliseconds(250),
        MaxLookInterval = TimeSpan.FromSeconds(2),
        TimeProvider = _time,
    };

    /// <summary>The service: objects by id, each with its name; a script decides the fate of each POST.</summary>
    private sealed class Service
    {
        public readonly SortedDictionary<long, string> Objects = [];
        public readonly List<string> Calls = [];
        private long _nextId = 1;

        public long Commit(string name)
        {
            lock (Objects)
            {
                Objects[_nextId] = name;
                return _nextId++;
            }
        }

        public List<Item> Named(string name)
        {
            lock (Objects) return Objects.Where(o => o.Value == name).Select(o => new Item(o.Key, o.Value, Secret: false)).ToList();
        }
    }

    private sealed record Item(long Id, string Name, bool Secret);

    private static AmbiguousRequestException Unclear(HttpStatusCode? status = HttpStatusCode.InternalServerError) =>
        new("POST", "/things/", status is null ? "no answer within 1 s" : $"answered {(int)status}", status, 1, null);

    private static CreateSteps<Item> Steps(Service service, string marked, Func<int, CancellationToken, Task<Item>> post,
        Func<int, IReadOnlyList<Item>>? find = null, bool secretOnlyInAnswer = false)
    {
        var posts = 0;
        var finds = 0;
        return new CreateSteps<Item>
        {
            What = "thing \"x\"",
            Trace = $"a thing named \"{marked}\"",
            PostAsync = token =>
            {
                service.Calls.Add("POST");
                return post(++posts, token);
            },
            FindAsync = _ =>
            {
                service.Calls.Add("FIND");
                return Task.FromResult(find?.Invoke(++finds) ?? service.Named(marked));
            },
            Id = static i => i.Id,
            IsUsable = i => !secretOnlyInAnswer || i.Secret,
            DiscardAsync = (i, _) =>
            {
                service.Calls.Add($"DELETE {i.Id}");
                lock (service.Objects) service.Objects.Remove(i.Id);
                return Task.CompletedTask;
            },
            ConfirmAsync = (i, _) =>
            {
                service.Calls.Add($"RENAME {i.Id}");
                lock (service.Objects) service.Objects[i.Id] = "x";
                return Task.FromResult(i with { Name = "x" });
            },
        };
    }

    /// <summary>Runs the create while the fake clock moves on in steps of 50 ms.</summary>
    private async Task<T> RunAsync<T>(Func<Task<T>> create)
    {
        var task = create();
        while (!task.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(1);
        }
        return await task;
    }

    private const string Marked = "x [tf-create 0123456789ab]";

    [Fact]
    public async Task A_commit_whose_answer_is_lost_is_adopted_and_not_posted_again()
    {
        var service = new Service();
        var steps = Steps(service, Marked, (_, _) =>
        {
            service.Commit(Marked);
            throw Unclear(HttpStatusCode.ServiceUnavailable);
        });

        var created = await RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, CancellationToken.None));

        Assert.Equal(1, created.Id);
        Assert.Equal(["POST", "FIND", "RENAME 1"], service.Calls);
        Assert.Equal("x", Assert.Single(service.Objects).Value);
    }

    [Fact]
    public async Task Another_workspaces_object_of_the_same_name_is_never_touched()
    {
        var service = new Service();
        service.Commit("x");
        var steps = Steps(service, Marked, (n, _) =>
        {
            if (n == 1)
            {
                service.Commit("x");   // the other workspace, during the window
                throw Unclear();
            }
            return Task.FromResult(new Item(service.Commit(Marked), Marked, Secret: true));
        });

        var created = await RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, CancellationToken.None));

        Assert.Equal(3, created.Id);
        Assert.Equal(3, service.Objects.Count);
        Assert.DoesNotContain(service.Calls, c => c.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_commit_is_found_by_looking_again_before_a_second_post()
    {
        var service = new Service();
        var steps = Steps(service, Marked, (_, _) =>
        {
            // The answer times out; the service commits 2 s later.
            _ = _time.CreateTimer(_ => service.Commit(Marked), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
            throw Unclear(status: null);
        });

        var created = await RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, CancellationToken.None));

        Assert.Equal(1, created.Id);
        Assert.Single(service.Calls, "POST");
        Assert.Single(service.Objects);
    }

    [Fact]
    public async Task A_late_commit_after_a_second_post_is_deleted()
    {
        var service = new Service();
        var steps = Steps(service, Marked, (n, _) =>
        {
            if (n == 1)
                throw Unclear(status: null);
            var id = service.Commit(Marked);
            service.Commit(Marked);   // the first POST lands now, after the settle time
            return Task.FromResult(new Item(id, Marked, Secret: true));
        });

        var created = await RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, CancellationToken.None));

        Assert.Equal(1, created.Id);
        Assert.Equal("x", Assert.Single(service.Objects).Value);
        Assert.Contains("DELETE 2", service.Calls);
    }

    [Fact]
    public async Task A_failing_look_up_is_retried_until_it_answers()
    {
        var service = new Service();
        var steps = Steps(service, Marked, (_, _) =>
        {
            service.Commit(Marked);
            throw Unclear();
        }, find: n => n <= 3 ? throw new ServiceUnavailableException("GET", "/things/", "answered 500", 5, null) : service.Named(Marked));

        var created = await RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, CancellationToken.None));

        Assert.Equal(1, created.Id);
        Assert.Equal(4, service.Calls.Count(c => c == "FIND"));
        Assert.Single(service.Calls, "POST");
    }

    [Fact]
    public async Task The_last_allowed_post_is_resolved_too()
    {
        var service = new Service();
        var steps = Steps(service, Marked, (n, _) =>
        {
            if (n == 2)
                service.Commit(Marked);
            throw Unclear();
        });

        var created = await RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(maxPosts: 2), NullLogger.Instance, CancellationToken.None));

        Assert.Equal(1, created.Id);
        Assert.Equal(2, service.Calls.Count(c => c == "POST"));
    }

    [Fact]
    public async Task Posts_that_all_end_unclear_and_leave_nothing_fail_clearly()
    {
        var service = new Service();
        var steps = Steps(service, Marked, (_, _) => throw Unclear());

        var error = await Assert.ThrowsAsync<CreateNotResolvedException>(() =>
            RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, CancellationToken.None)));

        Assert.Equal("Create failed", error.Summary);
        Assert.Contains("sent 3 times", error.Message);
        Assert.Empty(service.Objects);
    }

    [Fact]
    public async Task A_found_object_that_cannot_be_kept_is_deleted_and_the_create_sent_again()
    {
        var service = new Service();
        var steps = Steps(service, Marked, (n, _) =>
        {
            var id = service.Commit(Marked);
            if (n == 1)
                throw Unclear();
            return Task.FromResult(new Item(id, Marked, Secret: true));
        }, secretOnlyInAnswer: true);

        var created = await RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, CancellationToken.None));

        Assert.Equal(2, created.Id);
        Assert.Equal(["POST", "FIND", "DELETE 1", "POST", "FIND", "RENAME 2"], service.Calls);
        Assert.Equal([2L], service.Objects.Keys);
    }

    [Fact]
    public async Task The_stop_does_not_cancel_the_post_in_flight_and_its_object_is_returned()
    {
        var service = new Service();
        using var stop = new CancellationTokenSource();
        var steps = Steps(service, Marked, async (_, token) =>
        {
            stop.Cancel();
            await Task.Delay(TimeSpan.FromSeconds(1), _time, token);
            return new Item(service.Commit(Marked), Marked, Secret: true);
        });

        var created = await RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, stop.Token));

        Assert.Equal(1, created.Id);
        Assert.Equal("x", service.Objects[1]);
    }

    [Fact]
    public async Task After_the_stop_an_unusable_object_is_deleted_and_nothing_is_sent_again()
    {
        var service = new Service();
        using var stop = new CancellationTokenSource();
        var steps = Steps(service, Marked, (_, _) =>
        {
            service.Commit(Marked);
            stop.Cancel();
            throw Unclear();
        }, secretOnlyInAnswer: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, stop.Token)));

        Assert.Equal(["POST", "FIND", "DELETE 1"], service.Calls);
        Assert.Empty(service.Objects);
    }

    [Fact]
    public async Task When_the_deadline_passes_the_error_says_what_to_look_for()
    {
        var service = new Service();
        var steps = Steps(service, Marked, (_, _) => throw Unclear(),
            find: _ => throw new ServiceUnavailableException("GET", "/things/", "answered 502", 5, null));

        var error = await Assert.ThrowsAsync<CreateNotResolvedException>(() =>
            RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, CancellationToken.None)));

        Assert.Equal("Create outcome unknown", error.Summary);
        Assert.Contains($"Look for a thing named \"{Marked}\"", error.Message);
        Assert.True(_time.GetUtcNow() >= new DateTimeOffset(2026, 1, 1, 0, 1, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Nothing_is_sent_once_stopped()
    {
        var service = new Service();
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var steps = Steps(service, Marked, (_, _) => Task.FromResult(new Item(service.Commit(Marked), Marked, true)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, stop.Token));

        Assert.Empty(service.Calls);
    }

    // ---- issue 17: objects left by unfinished creates, one create per unique name, the report ----

    private static CreateSteps<Item> WithMarker(CreateSteps<Item> steps, Service service, bool uniqueName = false) => new()
    {
        What = steps.What, Trace = steps.Trace, PostAsync = steps.PostAsync, FindAsync = steps.FindAsync, Id = steps.Id,
        IsUsable = steps.IsUsable, DiscardAsync = steps.DiscardAsync, ConfirmAsync = steps.ConfirmAsync,
        Marker = CreateMarker.FromNonce("0123456789ab"), BaseName = "x", Kind = "thing", Where = "the account", UniqueName = uniqueName,
        Name = static i => i.Name,
        FindLeftoversAsync = _ =>
        {
            service.Calls.Add("LEFTOVERS");
            lock (service.Objects)
                return Task.FromResult<IReadOnlyList<Item>>(service.Objects.Where(o => CreateMarker.IsMarkedFormOf(o.Value, "x", null))
                    .Select(o => new Item(o.Key, o.Value, Secret: false)).ToList());
        },
    };

    [Fact]
    public async Task An_object_left_with_another_creates_marker_fails_the_create_before_anything_is_sent()
    {
        var service = new Service();
        var left = service.Commit("x [tf-create aaaaaaaaaaaa]");
        var steps = WithMarker(Steps(service, Marked, (_, _) => Task.FromResult(new Item(service.Commit(Marked), Marked, true))), service);

        var error = await Assert.ThrowsAsync<UnfinishedCreateException>(() => RunAsync(() =>
            DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, CancellationToken.None)));

        Assert.Equal(left, error.Id);
        Assert.Equal("x [tf-create aaaaaaaaaaaa]", error.MarkedName);
        Assert.Equal(["LEFTOVERS"], service.Calls);
        Assert.Single(service.Objects);
    }

    [Fact]
    public async Task A_second_create_of_a_unique_name_under_way_in_this_process_fails_before_it_is_sent()
    {
        var service = new Service();
        var release = new TaskCompletionSource();
        var first = WithMarker(Steps(service, Marked, async (_, _) =>
        {
            await release.Task;
            return new Item(service.Commit(Marked), Marked, true);
        }), service, uniqueName: true);
        var second = new CreateSteps<Item>
        {
            What = "thing \"x\"", Trace = "a thing named \"x [tf-create 0123456789ac]\"", PostAsync = _ => throw new InvalidOperationException("sent"),
            FindAsync = _ => Task.FromResult<IReadOnlyList<Item>>([]), Id = static i => i.Id,
            Marker = CreateMarker.FromNonce("0123456789ac"), BaseName = "x", Kind = "thing", UniqueName = true,
        };

        var running = DuplicateSafeCreate.RunAsync(first, Options(), NullLogger.Instance, CancellationToken.None);
        var error = await Assert.ThrowsAsync<CreateNotResolvedException>(() => DuplicateSafeCreate.RunAsync(second, Options(), NullLogger.Instance, CancellationToken.None));
        release.SetResult();
        await RunAsync(() => running);

        Assert.Contains("keeps one thing per name", error.Message);
        Assert.Equal(1, service.Calls.Count(c => c == "POST"));
    }

    [Fact]
    public async Task A_create_sent_again_reports_its_marker_and_a_marker_that_cannot_be_removed_is_a_warning()
    {
        var service = new Service();
        var steps = WithMarker(Steps(service, Marked, (post, _) => post == 1
            ? throw Unclear()
            : Task.FromResult(new Item(service.Commit(Marked), Marked, true))), service);
        steps = new CreateSteps<Item>
        {
            What = steps.What, Trace = steps.Trace, PostAsync = steps.PostAsync, FindAsync = steps.FindAsync, Id = steps.Id, DiscardAsync = steps.DiscardAsync,
            Marker = steps.Marker, BaseName = "x", Kind = "thing",
            ConfirmAsync = (_, _) => throw new InvalidOperationException("the rename was refused"),
        };
        using var scope = CreateReport.Begin();

        var created = await RunAsync(() => DuplicateSafeCreate.RunAsync(steps, Options(), NullLogger.Instance, CancellationToken.None));

        Assert.Equal(Marked, created.Name);
        Assert.Equal(["0123456789ab"], scope.Report.UnclearMarkers);
        Assert.Equal(["Create sent again", "Create marker not removed"], scope.Report.Warnings.Select(w => w.Summary));
        Assert.Contains($"{created.Id} was created as a thing named \"{Marked}\"", scope.Report.Warnings[1].Detail);
    }

    [Theory]
    [InlineData(10, "x")]
    [InlineData(255, "x")]
    [InlineData(30, "abcdefghij")]
    public void A_marked_name_fits_the_limit_and_is_recognised_as_the_names_marked_form(int limit, string name)
    {
        var marker = CreateMarker.FromNonce("0123456789ab");
        var marked = marker.Mark(name, limit);

        Assert.True(marked.Length <= Math.Max(limit, CreateMarker.TagLength));
        Assert.EndsWith(marker.Tag, marked);
        Assert.True(CreateMarker.IsMarkedFormOf(marked, name, limit));
        Assert.False(CreateMarker.IsMarkedFormOf(name, name, limit));
        Assert.True(CreateMarker.TryRead(marked, out var nonce) && nonce == "0123456789ab");
    }
}
