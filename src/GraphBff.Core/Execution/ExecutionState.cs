using System.Text.Json;
using GraphBff.Planning;
using GraphBff.Sources;

namespace GraphBff.Execution;

/// <summary>
/// One request's run of a plan: its inputs, the fetch results, and what to release at the end: the upstream documents
/// with their pooled bytes, and the pooled dictionaries of <see cref="FetchResult.ByKey"/>. Nothing may read the
/// results after <see cref="Dispose"/>.
/// </summary>
internal sealed class ExecutionState : IDisposable
{
    // Lists and dictionaries that grew past this are left to the GC rather than kept for the next request.
    private const int MaxPooledCapacity = 1024;

    private static readonly ReusePool<List<Kept>> s_keptLists = new(ReusePool<List<Kept>>.DefaultSize);
    private static readonly ReusePool<Dictionary<string, FetchOutcome>> s_outcomes = new(ReusePool<Dictionary<string, FetchOutcome>>.DefaultSize);

    private readonly List<Kept> _kept;
    private bool _disposed;

    public ExecutionState(OperationPlan plan, JsonElement variables, RequestContext context)
    {
        Plan = plan;
        Variables = variables;
        Context = context;
        Results = new FetchResult?[plan.FetchCount];
        _kept = s_keptLists.TryRent() ?? [];
    }

    public OperationPlan Plan { get; }

    public JsonElement Variables { get; }

    public RequestContext Context { get; }

    public FetchResult?[] Results { get; }

    public void Keep(JsonDocument document) => Keep(new Kept(document, null, 0));

    /// <summary>Keeps an answer's document, and its pooled bytes when it has them.</summary>
    public void Keep(UpstreamResponse response) => Keep(new Kept(response.Document!, response.Buffer, response.BufferLength));

    /// <summary>Keeps a document that reads the first <paramref name="length"/> bytes of a pooled array.</summary>
    public void Keep(JsonDocument document, byte[] buffer, int length) => Keep(new Kept(document, buffer, length));

    /// <summary>An empty dictionary for <see cref="FetchResult.ByKey"/>, from a pool; <see cref="Dispose"/> gives it back.</summary>
    public static Dictionary<string, FetchOutcome> RentOutcomes(int capacity)
    {
        if (s_outcomes.TryRent() is { } outcomes)
        {
            outcomes.EnsureCapacity(capacity);
            return outcomes;
        }

        return new Dictionary<string, FetchOutcome>(capacity, StringComparer.Ordinal);
    }

    /// <summary>Gives back a dictionary from <see cref="RentOutcomes"/> that no result holds.</summary>
    public static void ReturnOutcomes(Dictionary<string, FetchOutcome> outcomes)
    {
        if (outcomes.EnsureCapacity(0) <= MaxPooledCapacity)
        {
            outcomes.Clear();
            s_outcomes.Return(outcomes);
        }
    }

    private void Keep(Kept kept)
    {
        lock (_kept)
        {
            if (!_disposed)
            {
                _kept.Add(kept);
                return;
            }
        }

        // A call that finished after the request ended: nobody will read its answer.
        Release(kept);
    }

    private static void Release(Kept kept)
    {
        kept.Document.Dispose();
        if (kept.Buffer is not null)
        {
            UpstreamClient.ReturnBuffer(kept.Buffer, kept.Length);
        }
    }

    public void Dispose()
    {
        lock (_kept)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        foreach (var kept in _kept)
        {
            Release(kept);
        }

        if (_kept.Capacity <= MaxPooledCapacity)
        {
            _kept.Clear();
            s_keptLists.Return(_kept);
        }

        foreach (var result in Results)
        {
            if (result?.ByKey is { } byKey)
            {
                result.ByKey = null;
                ReturnOutcomes(byKey);
            }
        }
    }

    private readonly record struct Kept(JsonDocument Document, byte[]? Buffer, int Length);
}
