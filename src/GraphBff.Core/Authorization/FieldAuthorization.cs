namespace GraphBff.Authorization;

/// <summary>The rules on one field: its own <c>@authorize</c> directives and those of the type it returns.</summary>
internal sealed class FieldAuthorization(AuthorizeRule[] rules)
{
    public AuthorizeRule[] Rules { get; } = rules;

    public bool Has(ApplyPolicy apply)
    {
        foreach (var rule in Rules)
        {
            if (rule.Apply == apply)
            {
                return true;
            }
        }

        return false;
    }
}
