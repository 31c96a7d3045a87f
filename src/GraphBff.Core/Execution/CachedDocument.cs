using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace GraphBff.Execution;

/// <summary>A parsed document (or its syntax error), with its operations validated on first use.</summary>
internal sealed class CachedDocument
{
    private readonly DocumentCache _cache;
    private readonly ConcurrentDictionary<string, CachedOperation> _operations = new(StringComparer.Ordinal);

    public CachedDocument(DocumentCache cache, GraphQLDocument? document, GraphQLError? syntaxError)
    {
        _cache = cache;
        Document = document;
        SyntaxError = syntaxError;
    }

    public GraphQLDocument? Document { get; }

    public GraphQLError? SyntaxError { get; }

    /// <summary>The operation to run, or null with an error when the name does not pick exactly one.</summary>
    public CachedOperation? GetOperation(string? operationName, out GraphQLError? error)
    {
        error = null;
        var key = operationName ?? "";
        if (_operations.TryGetValue(key, out var cached))
        {
            return cached;
        }

        GraphQLOperationDefinition? found = null;
        var count = 0;
        foreach (var definition in Document!.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
            {
                continue;
            }

            count++;
            if (operationName is null ? count == 1 : operation.Name?.StringValue == operationName)
            {
                found = operation;
            }
        }

        if (operationName is null && count > 1)
        {
            error = new GraphQLError("The document has several operations; say which one with operationName.", ErrorCodes.OperationNotFound);
            return null;
        }

        if (found is null)
        {
            error = new GraphQLError(
                operationName is null ? "The document has no operation." : $"The document has no operation named '{operationName}'.",
                ErrorCodes.OperationNotFound);
            return null;
        }

        cached = _cache.Validate(Document, found);
        _operations[key] = cached;
        return cached;
    }
}
