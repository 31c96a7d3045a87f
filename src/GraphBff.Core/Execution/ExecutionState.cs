using System.Text.Json;
using GraphBff.Planning;

namespace GraphBff.Execution;

/// <summary>One request's run of a plan: its inputs, the fetch results, and the documents to release at the end.</summary>
internal sealed class ExecutionState : IDisposable
{
    private readonly List<JsonDocument> _documents = [];

    public ExecutionState(OperationPlan plan, JsonElement variables, RequestContext context)
    {
        Plan = plan;
        Variables = variables;
        Context = context;
        Results = new FetchResult?[plan.FetchCount];
    }

    public OperationPlan Plan { get; }

    public JsonElement Variables { get; }

    public RequestContext Context { get; }

    public FetchResult?[] Results { get; }

    public void Keep(JsonDocument document)
    {
        lock (_documents)
        {
            _documents.Add(document);
        }
    }

    public void Dispose()
    {
        foreach (var document in _documents)
        {
            document.Dispose();
        }
    }
}
