using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphBff.AspNetCore.Authentication;

/// <summary>
/// Development only: an RSA key kept in the user's profile, the JWKS the host serves for it, and tokens signed with it
/// (<c>dotnet run --project src/GraphBff.Host -- token --sub 7 --role admin</c>). The host never wires it outside Development.
/// </summary>
public sealed class DevelopmentTokenIssuer
{
    public const string Issuer = "graphbff-development";
    public const string Audience = "graphbff";
    public const string JwksPath = "/.well-known/jwks.json";

    private readonly RsaSecurityKey _key;

    private DevelopmentTokenIssuer(RsaSecurityKey key)
    {
        _key = key;
    }

    public SecurityKey Key => _key;

    /// <summary>Loads the development key, creating it on first use.</summary>
    public static DevelopmentTokenIssuer Load(string? path = null)
    {
        path ??= Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".graphbff", "development-signing-key.pem");
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, rsa.ExportRSAPrivateKeyPem());
        }

        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint())[..16];
        return new DevelopmentTokenIssuer(key);
    }

    /// <summary>The provider the host adds in Development when none is configured.</summary>
    public TokenProviderOptions Provider() => new()
    {
        Name = "development",
        Issuer = Issuer,
        Audiences = [Audience],
        Algorithms = ["RS256"],
        IssuerSigningKey = _key,
    };

    public string JwksJson()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.RsaSha256;
        return "{\"keys\":[" + System.Text.Json.JsonSerializer.Serialize(new
        {
            kty = jwk.Kty,
            use = jwk.Use,
            alg = jwk.Alg,
            kid = jwk.Kid,
            n = jwk.N,
            e = jwk.E,
        }) + "]}";
    }

    public string CreateToken(IEnumerable<Claim> claims, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }
}
