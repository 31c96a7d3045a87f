using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphBff.AspNetCore.Tests.Infrastructure;

/// <summary>A token issuer for tests: RSA keys, a real JWKS endpoint on 127.0.0.1, and tokens signed with those keys.</summary>
public sealed class JwksServer : IAsyncDisposable
{
    public const string Issuer = "https://issuer.graphbff.test";
    public const string Audience = "graphbff-tests";

    private readonly List<RsaSecurityKey> _published = [];
    private WebApplication? _app;
    private int _requests;

    public Uri JwksUri { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public RsaSecurityKey PublishedKey => _published[0];

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    public async Task StartAsync()
    {
        _published.Add(NewKey("key-1"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/jwks.json", () =>
        {
            Interlocked.Increment(ref _requests);
            lock (_published)
            {
                var keys = _published.Select(static k =>
                {
                    var p = k.Rsa.ExportParameters(false);
                    return new { kty = "RSA", use = "sig", alg = "RS256", kid = k.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) };
                });
                return Results.Json(new { keys });
            }
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        JwksUri = new Uri(address + "/jwks.json");
    }

    public void Publish(RsaSecurityKey key)
    {
        lock (_published)
        {
            _published.Add(key);
        }
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
        }
    }

    public string Token(
        string? sub,
        string[]? roles = null,
        RsaSecurityKey? key = null,
        string issuer = Issuer,
        string audience = Audience,
        TimeSpan? lifetime = null)
    {
        var claims = new List<Claim>();
        if (sub is not null)
        {
            claims.Add(new Claim("sub", sub));
        }

        foreach (var role in roles ?? [])
        {
            claims.Add(new Claim("role", role));
        }

        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddMinutes(-20),
            NotBefore = expires.AddMinutes(-20),
            Expires = expires,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(key ?? PublishedKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with valid-looking claims.</summary>
    public static string Unsigned(string sub)
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
               Encode($"{{\"sub\":\"{sub}\",\"role\":\"admin\",\"iss\":\"{Issuer}\",\"aud\":\"{Audience}\",\"exp\":{exp}}}") + ".";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
