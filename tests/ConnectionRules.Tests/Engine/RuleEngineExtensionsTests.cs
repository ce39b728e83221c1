using System.Runtime.CompilerServices;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Engine;

/// <summary>Batch evaluation: the same answers as one by one, in the same order, cancellable, and bounded when streaming.</summary>
public sealed class RuleEngineExtensionsTests
{
    private static readonly RuleEngine Engine = Requests.RecommendedEngine();

    /// <summary>A mix of clean and flagged requests, each with its index in its id.</summary>
    private static List<ConnectionRequest> Inbox(int count) =>
        Enumerable.Range(0, count).Select(i => (i % 4) switch
        {
            0 => Requests.Clean() with { Id = $"r{i}" },
            1 => Requests.Clean() with { Id = $"r{i}", Note = null },
            2 => Requests.Accepted() with { Id = $"r{i}", Messages = [Requests.FromSender(TimeSpan.FromHours(i % 100), "We help teams like yours; free consultation this week?")] },
            _ => Requests.Clean() with { Id = $"r{i}", MutualConnections = 0, Recipient = null, Note = "I'd love to show you a quick demo of our platform." },
        }).ToList();

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 4)]
    [InlineData(1000, 1)]
    [InlineData(1000, 2)]
    [InlineData(5000, 8)]
    [InlineData(2048, 1)]
    [InlineData(2049, 1)]
    [InlineData(4097, 2)]
    public void A_list_evaluates_in_parallel_to_exactly_what_one_by_one_gives_in_order(int count, int parallelism)
    {
        var inbox = Inbox(count);

        var batch = Engine.EvaluateMany(inbox, parallelism);

        Assert.Equal(inbox.Select(r => Engine.Evaluate(r).ToString()), batch.Select(e => e.ToString()));
    }

    [Fact]
    public void A_large_batch_is_held_in_pieces_that_stay_off_the_large_object_heap_and_reads_like_an_array()
    {
        var inbox = Inbox(10_000);

        var batch = Engine.EvaluateMany(inbox);

        // One array of 10,000 would be born in generation 2 and keep every diagnostic it holds alive until a full collection.
        var pieces = Assert.IsType<EvaluationList>(batch).Chunks;
        Assert.True(pieces.Count > 1);
        // An array's header is three pointers wide: method table, header word and length.
        Assert.All(pieces, piece => Assert.True((piece.Length * Unsafe.SizeOf<Evaluation>()) + (3 * IntPtr.Size) < 85_000, $"A piece of {piece.Length} evaluations is on the large object heap."));
        Assert.Equal(inbox.Count, pieces.Sum(piece => piece.Length));
        Assert.Equal(inbox.Count, batch.Count);
        Assert.Equal(batch, Enumerable.Range(0, batch.Count).Select(i => batch[i]));
        Assert.Equal(inbox.Select(r => r.Id), batch.Select(e => e.RequestId));
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => batch[batch.Count]).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch[-1]);
    }

    [Fact]
    public void A_batch_is_a_read_only_collection_that_copies_into_arrays_and_lists_piece_by_piece()
    {
        var batch = Engine.EvaluateMany(Inbox(5000));
        var expected = Enumerable.Range(0, batch.Count).Select(i => batch[i]).ToArray();
        var collection = Assert.IsAssignableFrom<ICollection<Evaluation>>(batch);

        Assert.Equal(expected, batch.ToArray());
        Assert.Equal(expected, batch.ToList());
        Assert.True(collection.IsReadOnly);
        Assert.True(collection.Contains(expected[4321]));
        Assert.False(collection.Contains(default));
        var target = new Evaluation[batch.Count + 3];
        collection.CopyTo(target, 2);
        Assert.Equal(expected, target.Skip(2).Take(batch.Count));
        Assert.Equal(default, target[1]);
        Assert.Equal(default, target[^1]);
        Assert.Contains("room for 4999", Assert.Throws<ArgumentException>(() => collection.CopyTo(new Evaluation[batch.Count], 1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => collection.CopyTo(target, -1));
        Assert.Throws<NotSupportedException>(() => collection.Add(expected[0]));
        Assert.Throws<NotSupportedException>(() => collection.Remove(expected[0]));
        Assert.Throws<NotSupportedException>(collection.Clear);
    }

    [Fact]
    public void Copying_a_batch_to_an_array_allocates_the_array_and_nothing_else()
    {
        var batch = Engine.EvaluateMany(Inbox(5000));

        var (oneArray, reference) = Allocated.By(() => new Evaluation[batch.Count]);
        var (copied, copy) = Allocated.By(batch.ToArray);

        // Enumerated one at a time, the copy would also allocate an enumerator (80 B more on .NET 10).
        Assert.Equal(oneArray, copied);
        Assert.Equal(reference.Length, copy.Length);
    }

    [Fact]
    public void The_default_uses_every_processor_and_keeps_the_order() =>
        Assert.Equal(Inbox(700).Select(r => r.Id), Engine.EvaluateMany(Inbox(700)).Select(e => e.RequestId));

    [Fact]
    public void Minus_one_threads_means_every_processor_as_in_ParallelOptions()
    {
        var inbox = Inbox(500);

        var results = Engine.EvaluateMany(inbox, -1);

        Assert.Equal(inbox.Select(r => Engine.Evaluate(r).ToString()), results.Select(e => e.ToString()));
    }

    [Fact]
    public void An_invalid_request_is_named_by_its_index_the_first_one_in_the_list()
    {
        var inbox = Inbox(3000);
        inbox[2100] = inbox[2100] with { Sender = null! };
        inbox[1700] = inbox[1700] with { Sender = null! };

        var exception = Assert.Throws<ArgumentException>(() => Engine.EvaluateMany(inbox, 4));

        Assert.Equal("requests[1700]: ConnectionRequest.Sender is required but was null: set it to the profile of the member who sent the request. (Parameter 'requests')", exception.Message);
        Assert.Equal("requests", exception.ParamName);
        Assert.IsType<ArgumentException>(exception.InnerException);
    }

    [Fact]
    public void A_null_request_in_the_list_is_named_by_its_index()
    {
        var inbox = Inbox(10);
        inbox[7] = null!;

        Assert.StartsWith("requests[7]: ", Assert.Throws<ArgumentException>(() => Engine.EvaluateMany(inbox)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_batch_stops_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Engine.EvaluateMany(Inbox(10_000), cancellation.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Engine.EvaluateMany(Inbox(10), 1, cancellation.Token));
    }

    [Fact]
    public void Arguments_are_checked_with_their_names()
    {
        Assert.Equal("engine", Assert.Throws<ArgumentNullException>(() => RuleEngineExtensions.EvaluateMany(null!, Inbox(1))).ParamName);
        Assert.Equal("requests", Assert.Throws<ArgumentNullException>(() => Engine.EvaluateMany((IReadOnlyList<ConnectionRequest>)null!)).ParamName);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => Engine.EvaluateMany(Inbox(1), 0)).ParamName);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => Engine.EvaluateMany(Inbox(1), -2)).ParamName);
        Assert.Equal("requests", Assert.Throws<ArgumentNullException>(() => Engine.EvaluateMany((IAsyncEnumerable<ConnectionRequest>)null!)).ParamName);
    }

    [Fact]
    public async Task A_stream_yields_what_one_by_one_gives_in_the_order_the_requests_came()
    {
        var inbox = Inbox(2500);

        var results = new List<string>();
        await foreach (var evaluation in Engine.EvaluateMany(Source(inbox, new Progress())))
        {
            results.Add(evaluation.ToString());
        }

        Assert.Equal(inbox.Select(r => Engine.Evaluate(r).ToString()), results);
    }

    [Fact]
    public async Task A_stream_reads_ahead_only_a_bounded_window_however_long_it_is()
    {
        var progress = new Progress();
        var consumed = 0;
        var maxAhead = 0;

        await foreach (var _ in Engine.EvaluateMany(Source(Inbox(20_000), progress)))
        {
            consumed++;
            maxAhead = Math.Max(maxAhead, progress.Read - consumed);
        }

        Assert.Equal(20_000, consumed);
        Assert.InRange(maxAhead, 1, 64 * ((2 * Environment.ProcessorCount) + 1));
    }

    [Fact]
    public async Task An_invalid_request_in_a_stream_is_named_by_its_position()
    {
        var inbox = Inbox(300);
        inbox[130] = inbox[130] with { Id = "" };

        var exception = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in Engine.EvaluateMany(Source(inbox, new Progress())))
            {
            }
        });

        Assert.StartsWith("requests[130]: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_stream_stops_reading()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new Progress();
        var consumed = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Engine.EvaluateMany(Source(Inbox(100_000), progress), cancellation.Token))
            {
                if (++consumed == 100)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.True(progress.Read < 100_000, $"The whole source was read ({progress.Read}).");
    }

    [Fact]
    public async Task A_live_feed_gets_each_evaluation_while_it_waits_for_its_next_request()
    {
        // A feed that stays open: each request is written only once the evaluation of the one before has come out.
        var feed = System.Threading.Channels.Channel.CreateUnbounded<ConnectionRequest>();
        var inbox = Inbox(5);
        await using var evaluations = Engine.EvaluateMany(feed.Reader.ReadAllAsync()).GetAsyncEnumerator();

        foreach (var request in inbox)
        {
            await feed.Writer.WriteAsync(request);
            Assert.True(await evaluations.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(Engine.Evaluate(request).ToString(), evaluations.Current.ToString());
        }

        feed.Writer.Complete();
        Assert.False(await evaluations.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_cancelled_stream_yields_nothing_more_even_what_was_already_evaluated()
    {
        using var cancellation = new CancellationTokenSource();
        var consumed = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Engine.EvaluateMany(Source(Inbox(1_000), new Progress()), cancellation.Token))
            {
                if (++consumed == 10)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(10, consumed);
    }

    [Fact]
    public async Task A_cancelled_stream_stops_waiting_for_a_source_that_has_nothing_at_hand()
    {
        using var cancellation = new CancellationTokenSource();
        var feed = System.Threading.Channels.Channel.CreateUnbounded<ConnectionRequest>();
        await feed.Writer.WriteAsync(Inbox(1)[0]);
        await using var evaluations = Engine.EvaluateMany(feed.Reader.ReadAllAsync(), cancellation.Token).GetAsyncEnumerator();
        Assert.True(await evaluations.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));

        var next = evaluations.MoveNextAsync().AsTask();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task When_the_source_fails_the_requests_it_gave_are_still_yielded_then_its_exception()
    {
        var inbox = Inbox(3000);
        var results = new List<string>();

        var exception = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var evaluation in Engine.EvaluateMany(Failing(Source(inbox, new Progress()))))
            {
                results.Add(evaluation.ToString());
            }
        });

        Assert.Equal("The export was cut off.", exception.Message);
        Assert.Equal(inbox.Select(r => Engine.Evaluate(r).ToString()), results);

        static async IAsyncEnumerable<ConnectionRequest> Failing(IAsyncEnumerable<ConnectionRequest> requests)
        {
            await foreach (var request in requests)
            {
                yield return request;
            }

            throw new IOException("The export was cut off.");
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public async Task A_source_whose_MoveNextAsync_throws_outright_still_gets_the_requests_it_gave_judged_first(int count)
    {
        var inbox = Inbox(count);
        var results = new List<string>();

        var exception = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var evaluation in Engine.EvaluateMany(new ThrowingSource(inbox)))
            {
                results.Add(evaluation.ToString());
            }
        });

        Assert.Equal("The disk went away.", exception.Message);
        Assert.Equal(inbox.Select(r => Engine.Evaluate(r).ToString()), results);
    }

    [Fact]
    public async Task A_source_whose_cancellation_callback_throws_is_still_disposed_and_nothing_runs_on()
    {
        var engine = new CountingEngine(Engine);
        var source = new ThrowingSource(Inbox(1_000), throwOnCancel: true);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var _ in engine.EvaluateMany(source))
            {
                break;
            }
        });

        Assert.True(source.Disposed);
        Assert.Equal(0, engine.Running);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_stream_left_early_or_failing_leaves_no_evaluation_running_behind_the_caller(bool invalid)
    {
        var engine = new CountingEngine(Engine);
        var inbox = Inbox(20_000);
        if (invalid)
        {
            inbox[200] = inbox[200] with { Id = "" };
        }

        var consumed = 0;
        if (invalid)
        {
            var exception = await Assert.ThrowsAsync<ArgumentException>(async () =>
            {
                await foreach (var _ in engine.EvaluateMany(Source(inbox, new Progress())))
                {
                    consumed++;
                }
            });
            Assert.StartsWith("requests[200]: ", exception.Message, StringComparison.Ordinal);
            Assert.Equal(192, consumed);
        }
        else
        {
            await foreach (var _ in engine.EvaluateMany(Source(inbox, new Progress())))
            {
                if (++consumed == 10)
                {
                    break;
                }
            }
        }

        // Nothing runs when the enumeration has returned, nor starts afterwards.
        var started = engine.Started;
        Assert.Equal(0, engine.Running);
        Assert.InRange(started, consumed, 64 * ((2 * Environment.ProcessorCount) + 4));
        await Task.Delay(100);
        Assert.Equal(started, engine.Started);
    }

    private static async IAsyncEnumerable<ConnectionRequest> Source(IEnumerable<ConnectionRequest> requests, Progress progress, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var request in requests)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress.Read++;
            if (progress.Read % 500 == 0)
            {
                await Task.Yield();
            }

            yield return request;
        }
    }

    private sealed class Progress
    {
        public int Read { get; set; }
    }

    /// <summary>An engine that counts the evaluations started, running and finished, each a little slow.</summary>
    private sealed class CountingEngine(IRuleEngine inner) : IRuleEngine
    {
        private int _started;
        private int _finished;

        public int Started => Volatile.Read(ref _started);

        public int Finished => Volatile.Read(ref _finished);

        public int Running => Started - Finished;

        public IReadOnlyList<RuleDescriptor> Rules => inner.Rules;

        public Severity GetSeverity(string ruleId) => inner.GetSeverity(ruleId);

        public Evaluation Evaluate(ConnectionRequest request)
        {
            Interlocked.Increment(ref _started);
            try
            {
                Thread.SpinWait(2_000);
                return inner.Evaluate(request);
            }
            finally
            {
                Interlocked.Increment(ref _finished);
            }
        }
    }

    /// <summary>
    /// A source written by hand: its MoveNextAsync hands out the requests, then throws outright rather than return a
    /// faulted task; optionally it registers a callback on its token that throws when cancelled.
    /// </summary>
    private sealed class ThrowingSource(IReadOnlyList<ConnectionRequest> requests, bool throwOnCancel = false) : IAsyncEnumerable<ConnectionRequest>
    {
        public bool Disposed { get; private set; }

        private IReadOnlyList<ConnectionRequest> Requests => requests;

        public IAsyncEnumerator<ConnectionRequest> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            if (throwOnCancel)
            {
                cancellationToken.Register(() => throw new InvalidOperationException("The callback failed."));
            }

            return new Enumerator(this, cancellationToken);
        }

        private sealed class Enumerator(ThrowingSource owner, CancellationToken cancellationToken) : IAsyncEnumerator<ConnectionRequest>
        {
            private int _next = -1;

            public ConnectionRequest Current => owner.Requests[_next];

            public ValueTask<bool> MoveNextAsync()
            {
                cancellationToken.ThrowIfCancellationRequested();
                return ++_next < owner.Requests.Count ? new ValueTask<bool>(true) : throw new IOException("The disk went away.");
            }

            public ValueTask DisposeAsync()
            {
                owner.Disposed = true;
                return ValueTask.CompletedTask;
            }
        }
    }
}
