using GraphBff.Composition;
using GraphQLParser.AST;

namespace GraphBff.Authorization;

/// <summary>
/// The distinct BEFORE_RESOLVER and VALIDATION rules on the fields an operation can reach. They are decided once per
/// request, before planning; the plan is cached per outcome, so a denied field is left out of every upstream request.
/// </summary>
internal static class AuthorizationPoints
{
    public static AuthorizeRule[] Collect(CompositeSchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var root = operation.Operation switch
        {
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => schema.Query,
        };
        var rules = new List<AuthorizeRule>();
        if (root is not null)
        {
            var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
                .ToDictionary(static f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
            Walk(schema, root, operation.SelectionSet, fragments, rules, []);
        }

        return [.. rules];
    }

    private static void Walk(
        CompositeSchema schema,
        CompositeType type,
        GraphQLSelectionSet? set,
        Dictionary<string, GraphQLFragmentDefinition> fragments,
        List<AuthorizeRule> rules,
        HashSet<string> visiting)
    {
        if (set is null)
        {
            return;
        }

        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var definition = type.FindField(field.Name.StringValue);
                    if (definition is null)
                    {
                        continue;
                    }

                    foreach (var rule in definition.Authorization?.Rules ?? [])
                    {
                        if (rule.Apply != ApplyPolicy.AfterResolver && !rules.Contains(rule))
                        {
                            rules.Add(rule);
                        }
                    }

                    if (field.SelectionSet is not null && schema.Types.TryGetValue(definition.Type.NamedType, out var fieldType))
                    {
                        Walk(schema, fieldType, field.SelectionSet, fragments, rules, visiting);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    Walk(schema, Condition(schema, inline.TypeCondition, type), inline.SelectionSet, fragments, rules, visiting);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (fragments.TryGetValue(name, out var fragment) && visiting.Add(name))
                    {
                        Walk(schema, Condition(schema, fragment.TypeCondition, type), fragment.SelectionSet, fragments, rules, visiting);
                        visiting.Remove(name);
                    }

                    break;
            }
        }
    }

    private static CompositeType Condition(CompositeSchema schema, GraphQLTypeCondition? condition, CompositeType current) =>
        condition is not null && schema.Types.TryGetValue(condition.Type.Name.StringValue, out var type) ? type : current;
}
