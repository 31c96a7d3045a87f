using System.Collections.Concurrent;
using System.Security.Claims;
using GraphBff.Composition;
using GraphQL.Introspection;
using GraphQL.Types;

namespace GraphBff.Authorization;

/// <summary>
/// Leaves out of introspection the fields the caller may not read (their BEFORE_RESOLVER rules deny it). GraphQL.NET's
/// filter is per schema, so the caller's decisions reach it through an async-local scope set for the request.
/// </summary>
internal sealed class AuthorizationSchemaFilter(CompositeSchema schema) : DefaultSchemaFilter
{
    private static readonly AsyncLocal<Scope?> s_current = new();

    public static IDisposable Enter(ClaimsPrincipal user, IGraphBffAuthorizer authorizer)
    {
        var previous = s_current.Value;
        s_current.Value = new Scope(user, authorizer);
        return new Exit(previous);
    }

    public override async Task<bool> AllowField(IGraphType parent, IFieldType field)
    {
        if (!await base.AllowField(parent, field).ConfigureAwait(false))
        {
            return false;
        }

        if (s_current.Value is not { } scope ||
            !schema.Types.TryGetValue(parent.Name, out var type) ||
            type.FindField(field.Name)?.Authorization is not { } authorization)
        {
            return true;
        }

        foreach (var rule in authorization.Rules)
        {
            if (rule.Apply != ApplyPolicy.AfterResolver && !await scope.AllowedAsync(rule).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Scope(ClaimsPrincipal user, IGraphBffAuthorizer authorizer)
    {
        private readonly ConcurrentDictionary<AuthorizeRule, bool> _decisions = new();

        public async ValueTask<bool> AllowedAsync(AuthorizeRule rule)
        {
            if (_decisions.TryGetValue(rule, out var allowed))
            {
                return allowed;
            }

            allowed = await authorizer.AuthorizeAsync(user, rule, null).ConfigureAwait(false);
            _decisions[rule] = allowed;
            return allowed;
        }
    }

    private sealed class Exit(Scope? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
