namespace GraphBff.AspNetCore.Authentication;

/// <summary>Bearer token checking (<c>GraphBff:Authentication</c>).</summary>
public sealed class GraphBffAuthenticationOptions
{
    public List<TokenProviderOptions> Providers { get; set; } = [];

    internal void Validate()
    {
        var errors = new List<string>();
        for (var i = 0; i < Providers.Count; i++)
        {
            var provider = Providers[i];
            var where = $"GraphBff:Authentication:Providers:{i}";
            if (string.IsNullOrWhiteSpace(provider.Name))
            {
                errors.Add($"{where}:Name is required.");
            }

            if (provider.JwksUrl is null == (provider.Authority is null) && provider.IssuerSigningKey is null)
            {
                errors.Add($"{where}: set exactly one of JwksUrl and Authority.");
            }

            if (provider.JwksUrl is not null && !Uri.TryCreate(provider.JwksUrl, UriKind.Absolute, out _))
            {
                errors.Add($"{where}:JwksUrl '{provider.JwksUrl}' is not an absolute URL.");
            }

            if (string.IsNullOrWhiteSpace(provider.Issuer))
            {
                errors.Add($"{where}:Issuer is required.");
            }

            if (provider.Algorithms.Count == 0 || provider.Algorithms.Any(static a => a.Equals("none", StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{where}:Algorithms must name signing algorithms, and never 'none'.");
            }
        }

        if (errors.Count > 0)
        {
            throw new GraphBffConfigurationException("Invalid GraphBff authentication configuration: " + string.Join(" ", errors));
        }
    }
}
