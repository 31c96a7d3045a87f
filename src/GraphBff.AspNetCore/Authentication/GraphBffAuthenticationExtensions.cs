using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GraphBff.AspNetCore.Authentication;

internal static class GraphBffAuthenticationExtensions
{
    /// <summary>One JwtBearer scheme per provider, behind a policy scheme that picks one by the token's <c>iss</c>.</summary>
    public static void AddTokenProviders(IServiceCollection services, GraphBffAuthenticationOptions options)
    {
        options.Validate();
        if (options.Providers.Count == 0)
        {
            return;
        }

        var byIssuer = options.Providers.ToDictionary(static p => p.Issuer, static p => GraphBffAuthenticationDefaults.ProviderScheme(p.Name), StringComparer.Ordinal);
        var first = GraphBffAuthenticationDefaults.ProviderScheme(options.Providers[0].Name);
        var builder = services.AddAuthentication(GraphBffAuthenticationDefaults.Scheme)
            .AddPolicyScheme(GraphBffAuthenticationDefaults.Scheme, null, policy =>
                policy.ForwardDefaultSelector = context => byIssuer.Count == 1 ? first : SelectByIssuer(context, byIssuer, first));

        foreach (var provider in options.Providers)
        {
            builder.AddJwtBearer(GraphBffAuthenticationDefaults.ProviderScheme(provider.Name), jwt => Configure(jwt, provider));
        }
    }

    private static void Configure(JwtBearerOptions jwt, TokenProviderOptions provider)
    {
        jwt.MapInboundClaims = false;
        jwt.RefreshOnIssuerKeyNotFound = true;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer,
            ValidateIssuer = true,
            ValidAudiences = provider.Audiences,
            ValidateAudience = provider.Audiences.Count > 0,
            ValidAlgorithms = provider.Algorithms,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = provider.ClockSkew,
            RoleClaimType = provider.RoleClaim,
            NameClaimType = provider.NameClaim,
            IssuerSigningKey = provider.IssuerSigningKey,
        };

        if (provider.IssuerSigningKey is not null)
        {
            return;
        }

        var address = provider.JwksUrl ?? provider.Authority!.TrimEnd('/') + "/.well-known/openid-configuration";
        var documents = new HttpDocumentRetriever { RequireHttps = !IsLoopback(address) };
        IConfigurationRetriever<OpenIdConnectConfiguration> retriever = provider.JwksUrl is not null
            ? new JwksRetriever()
            : new OpenIdConnectConfigurationRetriever();
        jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(address, retriever, documents)
        {
            AutomaticRefreshInterval = provider.AutomaticRefreshInterval,
            RefreshInterval = provider.RefreshInterval,
        };
    }

    private static bool IsLoopback(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private static string SelectByIssuer(HttpContext context, Dictionary<string, string> byIssuer, string fallback)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var token = new JsonWebToken(header["Bearer ".Length..].Trim());
                if (byIssuer.TryGetValue(token.Issuer, out var scheme))
                {
                    return scheme;
                }
            }
            catch (ArgumentException)
            {
                // Not a JWT: the first provider rejects it.
            }
        }

        return fallback;
    }
}
