using System.Text.Json;
using GraphBff.Composition;
using GraphQLParser.AST;

namespace GraphBff.Planning;

internal sealed partial class OperationPlanner
{
    /// <summary>The spec's CollectFields: response keys in order, each with every field node merged under it.</summary>
    private List<(string Key, List<GraphQLField> Nodes)> CollectFields(CompositeType type, IReadOnlyList<GraphQLSelectionSet> sets)
    {
        var result = new List<(string Key, List<GraphQLField> Nodes)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            Collect(type, set, result, index, visited);
        }

        return result;
    }

    private void Collect(
        CompositeType type,
        GraphQLSelectionSet set,
        List<(string Key, List<GraphQLField> Nodes)> result,
        Dictionary<string, int> index,
        HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            if (selection is IHasDirectivesNode withDirectives && !Included(withDirectives.Directives))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField field:
                    var key = (field.Alias?.Name ?? field.Name).StringValue;
                    if (index.TryGetValue(key, out var at))
                    {
                        result[at].Nodes.Add(field);
                    }
                    else
                    {
                        index[key] = result.Count;
                        result.Add((key, [field]));
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (visited.Add(name) && _fragments.TryGetValue(name, out var fragment) &&
                        Applies(type, fragment.TypeCondition.Type.Name.StringValue))
                    {
                        Collect(type, fragment.SelectionSet, result, index, visited);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    if (inline.TypeCondition is null || Applies(type, inline.TypeCondition.Type.Name.StringValue))
                    {
                        Collect(type, inline.SelectionSet, result, index, visited);
                    }

                    break;
            }
        }
    }

    private bool Applies(CompositeType type, string condition) =>
        condition == type.Name ||
        (_schema.Types.TryGetValue(condition, out var abstractType) && abstractType.PossibleTypes.Contains(type.Name));

    private static List<GraphQLSelectionSet> SubSelections(List<GraphQLField> nodes)
    {
        var sets = new List<GraphQLSelectionSet>(nodes.Count);
        foreach (var node in nodes)
        {
            if (node.SelectionSet is not null)
            {
                sets.Add(node.SelectionSet);
            }
        }

        return sets;
    }

    private bool Included(GraphQLDirectives? directives)
    {
        if (directives is null)
        {
            return true;
        }

        foreach (var directive in directives.Items)
        {
            var name = directive.Name.StringValue;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var condition = directive.Arguments?.Items.FirstOrDefault(static a => a.Name.Value == "if")?.Value;
            var value = condition switch
            {
                GraphQLBooleanValue b => b.BoolValue,
                GraphQLVariable v => VariableIsTrue(v.Name.StringValue),
                _ => false,
            };
            if (name == "skip" ? value : !value)
            {
                return false;
            }
        }

        return true;
    }

    private bool VariableIsTrue(string name)
    {
        if (_variables.ValueKind == JsonValueKind.Object && _variables.TryGetProperty(name, out var value))
        {
            return value.ValueKind == JsonValueKind.True;
        }

        var definition = _operation.Variables?.Items.FirstOrDefault(d => d.Variable.Name.StringValue == name);
        return definition?.DefaultValue is GraphQLBooleanValue { BoolValue: true };
    }

    /// <summary>The variables whose values decide @skip/@include in an operation: a plan is cached per their outcome.</summary>
    public static string[] ConditionVariables(GraphQLDocument document)
    {
        var names = new List<string>();
        void Walk(ASTNode? node)
        {
            switch (node)
            {
                case GraphQLSelectionSet set:
                    foreach (var selection in set.Selections)
                    {
                        if (selection is IHasDirectivesNode { Directives: { } directives })
                        {
                            foreach (var directive in directives.Items)
                            {
                                if (directive.Name.StringValue is "skip" or "include" &&
                                    directive.Arguments?.Items.FirstOrDefault()?.Value is GraphQLVariable v &&
                                    !names.Contains(v.Name.StringValue))
                                {
                                    names.Add(v.Name.StringValue);
                                }
                            }
                        }

                        Walk(selection switch
                        {
                            GraphQLField f => f.SelectionSet,
                            GraphQLInlineFragment i => i.SelectionSet,
                            _ => null,
                        });
                    }

                    break;
            }
        }

        foreach (var definition in document.Definitions)
        {
            Walk(definition switch
            {
                GraphQLOperationDefinition o => o.SelectionSet,
                GraphQLFragmentDefinition f => f.SelectionSet,
                _ => null,
            });
        }

        return [.. names];
    }
}
