using System.Collections.Concurrent;
using GraphBff.Composition;
using GraphBff.Planning;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace GraphBff.Execution;

/// <summary>
/// Parse once per document, validate once per operation, plan once per @skip/@include outcome. Bounded: when full,
/// the cache starts over (documents of a real client are few; a flood of distinct ones must not grow memory).
/// </summary>
internal sealed class DocumentCache
{
    private readonly ConcurrentDictionary<string, CachedDocument> _documents = new(StringComparer.Ordinal);
    private readonly CompositeSchema _schema;
    private readonly int _capacity;
    private readonly int _maxDepth;

    public DocumentCache(CompositeSchema schema, int capacity, int maxDepth)
    {
        _schema = schema;
        _capacity = capacity;
        _maxDepth = maxDepth;
    }

    public CachedDocument Get(string query)
    {
        if (_documents.TryGetValue(query, out var cached))
        {
            return cached;
        }

        cached = Parse(query);
        if (_documents.Count >= _capacity)
        {
            _documents.Clear();
        }

        _documents[query] = cached;
        return cached;
    }

    private CachedDocument Parse(string query)
    {
        try
        {
            var document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = Math.Max(64, _maxDepth * 4) });
            return new CachedDocument(this, document, null);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return new CachedDocument(this, null, new GraphQLError(
                $"The document is nested too deeply (more than {_maxDepth} levels are not accepted).", ErrorCodes.ParseFailed));
        }
        catch (GraphQLSyntaxErrorException ex)
        {
            return new CachedDocument(this, null, new GraphQLError("Syntax error: " + ex.Description + ".", ErrorCodes.ParseFailed)
            {
                Line = ex.Location.Line,
                Column = ex.Location.Column,
            });
        }
    }

    internal CachedOperation Validate(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var depth = Depth(document, operation.SelectionSet, 0, []);
        if (depth > _maxDepth)
        {
            return new CachedOperation(operation, [new GraphQLError(
                $"The operation is nested {depth} levels deep; at most {_maxDepth} are accepted.", ErrorCodes.ValidationFailed)], [], []);
        }

        var result = new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = _schema.Schema,
            Document = document,
            Operation = operation,
            Rules = DocumentValidator.CoreRules,
            Variables = GraphQL.Inputs.Empty,
            Extensions = GraphQL.Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
            RequestServices = null!,
            User = null!,
        }).GetAwaiter().GetResult();

        var errors = new List<GraphQLError>();
        foreach (var error in result.Errors)
        {
            if (error is InvalidVariableError)
            {
                continue; // values are checked per request by VariableCoercer
            }

            var location = error.Locations?.FirstOrDefault();
            errors.Add(new GraphQLError(error.Message, ErrorCodes.ValidationFailed)
            {
                Line = location?.Line ?? 0,
                Column = location?.Column ?? 0,
            });
        }

        return new CachedOperation(
            operation,
            errors,
            OperationPlanner.ConditionVariables(document),
            errors.Count > 0 ? [] : Authorization.AuthorizationPoints.Collect(_schema, document, operation));
    }

    private static int Depth(GraphQLDocument document, GraphQLSelectionSet? set, int depth, HashSet<string> fragments)
    {
        if (set is null)
        {
            return depth;
        }

        var max = depth + 1;
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when field.SelectionSet is not null:
                    max = Math.Max(max, Depth(document, field.SelectionSet, depth + 1, fragments));
                    break;
                case GraphQLInlineFragment inline:
                    max = Math.Max(max, Depth(document, inline.SelectionSet, depth, fragments));
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (fragments.Add(name))
                    {
                        var fragment = document.Definitions.OfType<GraphQLFragmentDefinition>()
                            .FirstOrDefault(f => f.FragmentName.Name.StringValue == name);
                        max = Math.Max(max, Depth(document, fragment?.SelectionSet, depth, fragments));
                        fragments.Remove(name);
                    }

                    break;
            }
        }

        return max;
    }
}
