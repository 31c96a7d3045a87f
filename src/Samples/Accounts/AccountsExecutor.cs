using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace GraphBff.Samples.Accounts;

/// <summary>
/// Executes GraphQL requests against the accounts schema. Parsed documents that passed validation are
/// cached by query text, so repeated queries (the common case behind a gateway) skip parsing and validation.
/// </summary>
internal sealed class AccountsExecutor
{
    private const int MaxCachedDocuments = 1024;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private readonly DocumentExecuter _executer = new();
    private int _cachedCount;

    public AccountsExecutor()
    {
        Schema = new AccountsSchema();
        Schema.Initialize();
    }

    public ISchema Schema { get; }

    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request, string? userId, CancellationToken cancellationToken)
    {
        var options = new ExecutionOptions
        {
            Schema = Schema,
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = new AccountsUserContext(userId),
            CancellationToken = cancellationToken,
        };

        GraphQLDocument? cached = null;
        if (request.Query is { } query && _documents.TryGetValue(query, out cached))
        {
            options.Document = cached;

            // Validation rules do not depend on variables and the document was validated when it was cached;
            // variable values are still coerced (and reported) by the executer.
            options.ValidationRules = Array.Empty<IValidationRule>();
        }

        var result = await _executer.ExecuteAsync(options).ConfigureAwait(false);

        if (cached is null && result.Executed && result.Document is { } document && request.Query is { } newQuery
            && _documents.TryAdd(newQuery, document)
            && Interlocked.Increment(ref _cachedCount) > MaxCachedDocuments)
        {
            // Bounded without per-request bookkeeping: start over when full (hot queries come right back).
            _documents.Clear();
            Interlocked.Exchange(ref _cachedCount, 0);
        }

        return result;
    }
}
