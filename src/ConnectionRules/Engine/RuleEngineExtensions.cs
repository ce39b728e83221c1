using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace ConnectionRules;

/// <summary>Batch evaluation for any <see cref="IRuleEngine"/>: a whole inbox or network at once, in parallel, in order.</summary>
public static class RuleEngineExtensions
{
    // Requests per unit of work: large enough that scheduling costs nothing next to the evaluations, small enough to balance two cores.
    private const int ChunkSize = 64;

    /// <summary>
    /// Evaluates a list of requests in parallel on all processors. The engine is stateless, so the result is exactly what
    /// evaluating them one by one gives, in the same order.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="requests">The requests.</param>
    /// <param name="cancellationToken">Stops the batch; evaluations already running finish first.</param>
    /// <returns>
    /// One evaluation per request, at the request's index. The list is held in pieces that stay off the large object
    /// heap: one large array would be born in the oldest generation and, once dropped, keep every diagnostic it refers
    /// to alive until a full collection. It is also a read-only <see cref="ICollection{T}"/>, so <c>ToArray</c> and
    /// <c>ToList</c> copy the pieces whole.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="requests"/> is null.</exception>
    /// <exception cref="ArgumentException">A request is null or lacks a required member; the message names its index, the first one found.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IReadOnlyList<Evaluation> EvaluateMany(this IRuleEngine engine, IReadOnlyList<ConnectionRequest> requests, CancellationToken cancellationToken = default) =>
        EvaluateMany(engine, requests, Environment.ProcessorCount, cancellationToken);

    /// <summary>Evaluates a list of requests on at most <paramref name="maxDegreeOfParallelism"/> threads, in order.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="requests">The requests.</param>
    /// <param name="maxDegreeOfParallelism">How many threads may evaluate at once; 1 evaluates on the calling thread, and -1, as in <see cref="ParallelOptions.MaxDegreeOfParallelism"/>, sets no limit: every processor.</param>
    /// <param name="cancellationToken">Stops the batch; evaluations already running finish first.</param>
    /// <returns>One evaluation per request, at the request's index, held as the other overload holds them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="requests"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0, or less than -1.</exception>
    /// <exception cref="ArgumentException">A request is null or lacks a required member; the message names its index, the first one found.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IReadOnlyList<Evaluation> EvaluateMany(this IRuleEngine engine, IReadOnlyList<ConnectionRequest> requests, int maxDegreeOfParallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(requests);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Give 1 or more threads, or -1 for every processor.");
        }

        // -1 means no limit, as ParallelOptions has it; more threads than processors would only take turns.
        maxDegreeOfParallelism = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        var results = new EvaluationList(requests.Count);
        if (maxDegreeOfParallelism == 1 || requests.Count <= ChunkSize)
        {
            return EvaluateRange(engine, requests, results, 0, requests.Count, 0, cancellationToken) is { } invalid ? throw invalid.Exception : results;
        }

        // The workers stop at their first invalid request; the one with the lowest index is reported.
        (int Index, ArgumentException Exception)? firstInvalid = null;
        var failureLock = new object();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.ForEach(Partitioner.Create(0, requests.Count, ChunkSize), options, (range, loop) =>
        {
            if (EvaluateRange(engine, requests, results, range.Item1, range.Item2, 0, cancellationToken) is { } invalid)
            {
                lock (failureLock)
                {
                    if (firstInvalid is null || invalid.Index < firstInvalid.Value.Index)
                    {
                        firstInvalid = invalid;
                    }
                }

                loop.Stop();
            }
        });

        return firstInvalid is { } first ? throw first.Exception : results;
    }

    /// <summary>
    /// Evaluates a stream of requests in parallel and yields the evaluations in the order the requests came, holding only
    /// a bounded window of requests in memory (a few hundred per processor) however long the stream is. An evaluation is
    /// yielded as soon as it and those before it are done: a source that has no request at hand (a queue fed as requests
    /// arrive) does not hold back the evaluations of those it gave, which are evaluated in chunks of up to 64 while the
    /// cores are busy and at once while they are idle. Once the token is cancelled, nothing more is yielded. When the source
    /// throws, the requests it gave before are still evaluated and yielded, then its exception is thrown. When the
    /// enumeration ends early (the caller stops, a request is invalid, the token is cancelled), the work not started yet
    /// is cancelled and the work running is awaited before it returns, so nothing runs on behind the caller's back.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="requests">The requests, read once, as fast as the window allows.</param>
    /// <param name="cancellationToken">Stops reading and evaluating.</param>
    /// <returns>One evaluation per request, in the requests' order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> or <paramref name="requests"/> is null.</exception>
    /// <exception cref="ArgumentException">While enumerating: a request is null or lacks a required member; the message names its position in the stream.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: <paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="Exception">While enumerating: whatever <paramref name="requests"/> threw, after the evaluations of the requests it gave before.</exception>
    public static IAsyncEnumerable<Evaluation> EvaluateMany(this IRuleEngine engine, IAsyncEnumerable<ConnectionRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(requests);
        return Stream(engine, requests, cancellationToken);
    }

    private static async IAsyncEnumerable<Evaluation> Stream(
        IRuleEngine engine,
        IAsyncEnumerable<ConnectionRequest> requests,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = 2 * Environment.ProcessorCount;
        var inFlight = new Queue<Task<EvaluationList>>(window);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var source = requests.GetAsyncEnumerator(stop.Token);
        ExceptionDispatchInfo? sourceFailure = null;

        // The source's next request while it has none at hand: evaluations may go out meanwhile.
        Task<bool>? waiting = null;
        try
        {
            var chunk = new List<ConnectionRequest>(ChunkSize);
            var start = 0;
            var reading = true;
            while (reading || inFlight.Count > 0)
            {
                // The chunks done at the head of the line go out at once, in order; a full window, or a source that has
                // ended, waits for the head.
                while (inFlight.Count > 0 && (inFlight.Peek().IsCompleted || inFlight.Count >= window || !reading))
                {
                    foreach (var evaluation in await inFlight.Dequeue().ConfigureAwait(false))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return evaluation;
                    }
                }

                if (!reading)
                {
                    continue;
                }

                bool? read;
                if (waiting is null)
                {
                    var next = MoveNext(source);
                    if (next.IsCompleted)
                    {
                        read = Outcome(next, cancellationToken, ref sourceFailure);
                    }
                    else
                    {
                        waiting = next.AsTask();
                        read = null;
                    }
                }
                else
                {
                    read = waiting.IsCompleted ? Outcome(waiting, cancellationToken, ref sourceFailure) : null;
                }

                if (read is null)
                {
                    // The source has no request at hand, as a live feed often has not: the requests read so far are not
                    // held back for it when nothing else is being evaluated. Under load, chunks in flight keep the cores
                    // busy while the next chunk fills.
                    if (chunk.Count > 0 && inFlight.Count == 0)
                    {
                        inFlight.Enqueue(Start(engine, chunk, start, stop.Token));
                        start += chunk.Count;
                        chunk = new List<ConnectionRequest>(ChunkSize);
                    }

                    var head = inFlight.Count > 0 ? inFlight.Peek() : null;
                    var either = head is null ? (Task)waiting! : Task.WhenAny(waiting!, head);
                    await either.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    cancellationToken.ThrowIfCancellationRequested();
                    continue;
                }

                waiting = null;
                if (read.Value)
                {
                    chunk.Add(source.Current);
                    if (chunk.Count < ChunkSize)
                    {
                        continue;
                    }
                }
                else
                {
                    reading = false;
                    if (chunk.Count == 0)
                    {
                        continue;
                    }
                }

                inFlight.Enqueue(Start(engine, chunk, start, stop.Token));
                start += chunk.Count;
                chunk = new List<ConnectionRequest>(ChunkSize);
            }
        }
        finally
        {
            // The caller stopped early, or a request or the token ended the stream: the chunks still queued are cancelled,
            // and the running ones awaited, so that no work outlives the enumeration and no failure goes unobserved; a
            // source still looking for its next request is told to stop, and awaited before it is disposed. All of it
            // also when a callback the source registered on the token throws from the cancellation.
            try
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }
            finally
            {
                await ((Task)Task.WhenAll(inFlight)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (waiting is not null)
                {
                    await ((Task)waiting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }

                await source.DisposeAsync().ConfigureAwait(false);
            }
        }

        sourceFailure?.Throw();
    }

    // A MoveNextAsync that throws instead of returning a faulted task (one written by hand, not async) fails the same way.
    private static ValueTask<bool> MoveNext(IAsyncEnumerator<ConnectionRequest> source)
    {
        try
        {
            return source.MoveNextAsync();
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<bool>(exception);
        }
    }

    /// <summary>
    /// Whether the source gave a request, from its completed <c>MoveNextAsync</c>; false at its end, and also when it
    /// threw, which is kept in <paramref name="failure"/> for after the requests it gave before are yielded. Its
    /// cancellation, once the caller's token is cancelled, is thrown as it is.
    /// </summary>
    private static bool Outcome(ValueTask<bool> moved, CancellationToken cancellationToken, ref ExceptionDispatchInfo? failure)
    {
        try
        {
            return moved.GetAwaiter().GetResult();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            failure = ExceptionDispatchInfo.Capture(exception);
            return false;
        }
    }

    private static bool Outcome(Task<bool> moved, CancellationToken cancellationToken, ref ExceptionDispatchInfo? failure) =>
        Outcome(new ValueTask<bool>(moved), cancellationToken, ref failure);

    private static Task<EvaluationList> Start(IRuleEngine engine, List<ConnectionRequest> chunk, int start, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var results = new EvaluationList(chunk.Count);
                return EvaluateRange(engine, chunk, results, 0, chunk.Count, start, cancellationToken) is { } invalid ? throw invalid.Exception : results;
            },
            cancellationToken);

    /// <summary>
    /// Evaluates requests[from..to) into results; stops at the first invalid request and returns it, with its index in
    /// the caller's numbering (<paramref name="indexOffset"/> added) and an exception that names that index.
    /// </summary>
    private static (int Index, ArgumentException Exception)? EvaluateRange(
        IRuleEngine engine, IReadOnlyList<ConnectionRequest> requests, EvaluationList results, int from, int to, int indexOffset, CancellationToken cancellationToken)
    {
        for (var i = from; i < to; i++)
        {
            if ((i & (ChunkSize - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            try
            {
                results.Set(i, engine.Evaluate(requests[i] ?? throw new ArgumentNullException(nameof(requests), "The request is null.")));
            }
            catch (ArgumentException exception)
            {
                var index = indexOffset + i;
                // The engine's message names its own parameter, request; the batch's is requests.
                var message = exception.ParamName is { } name ? exception.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : exception.Message;
                return (index, new ArgumentException($"requests[{index}]: {message}", nameof(requests), exception));
            }
        }

        return null;
    }
}
