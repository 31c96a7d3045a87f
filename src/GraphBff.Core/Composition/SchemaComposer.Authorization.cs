using GraphBff.Authorization;
using GraphQLParser.AST;

namespace GraphBff.Composition;

internal sealed partial class SchemaComposer
{
    /// <summary>A field is guarded by its own <c>@authorize</c> rules and by those of the type it returns, unless <c>@allowAnonymous</c>.</summary>
    private void BindAuthorization()
    {
        foreach (var type in _types.Values)
        {
            foreach (var field in type.Fields)
            {
                var where = $"{field.File ?? type.File}: {type.Name}.{field.Name}";
                var rules = new List<AuthorizeRule>();
                var anonymous = false;
                foreach (var directive in field.Directives)
                {
                    if (directive.Name.Value == "authorize")
                    {
                        AddRule(rules, directive, where);
                    }
                    else if (directive.Name.Value == "allowAnonymous")
                    {
                        anonymous = true;
                    }
                }

                if (!anonymous && _types.TryGetValue(field.Type.NamedType, out var returned))
                {
                    foreach (var directive in returned.Directives)
                    {
                        if (directive.Name.Value == "authorize")
                        {
                            AddRule(rules, directive, $"{returned.File}: type {returned.Name}");
                        }
                    }
                }

                if (anonymous && rules.Count > 0)
                {
                    _errors.Add($"{where} has both @authorize and @allowAnonymous.");
                }

                field.Authorization = rules.Count == 0 ? null : new FieldAuthorization([.. rules.Distinct()]);
            }
        }
    }

    private void AddRule(List<AuthorizeRule> rules, GraphQLDirective directive, string where)
    {
        string? policy = null;
        List<string>? roles = null;
        var apply = ApplyPolicy.BeforeResolver;
        foreach (var argument in directive.Arguments?.Items ?? [])
        {
            switch (argument.Name.StringValue, argument.Value)
            {
                case ("policy", GraphQLStringValue s):
                    policy = s.Value.ToString();
                    break;
                case ("roles", GraphQLListValue list):
                    roles = [.. (list.Values ?? []).OfType<GraphQLStringValue>().Select(static v => v.Value.ToString())];
                    break;
                case ("roles", GraphQLStringValue single):
                    roles = [single.Value.ToString()];
                    break;
                case ("apply", GraphQLEnumValue e):
                    switch (e.Name.StringValue)
                    {
                        case "BEFORE_RESOLVER":
                            apply = ApplyPolicy.BeforeResolver;
                            break;
                        case "AFTER_RESOLVER":
                            apply = ApplyPolicy.AfterResolver;
                            break;
                        case "VALIDATION":
                            apply = ApplyPolicy.Validation;
                            break;
                        default:
                            _errors.Add($"{where}: @authorize apply: {e.Name.StringValue} is not BEFORE_RESOLVER, AFTER_RESOLVER or VALIDATION.");
                            break;
                    }

                    break;
                default:
                    _errors.Add($"{where}: @authorize has no argument '{argument.Name.StringValue}' of that kind (policy: String, roles: [String!], apply: ApplyPolicy).");
                    break;
            }
        }

        rules.Add(new AuthorizeRule(policy, roles, apply));
    }
}
