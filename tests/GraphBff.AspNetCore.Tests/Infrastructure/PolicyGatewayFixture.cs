using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GraphBff.AspNetCore.Tests.Infrastructure;

/// <summary>
/// The authenticating gateway plus: a policy added in C# (<c>pro</c>) used by an extra extension file, introspection
/// filtering, and identity sent to accounts (Authorization forwarded, <c>x-user-id</c> from <c>sub</c>).
/// </summary>
public sealed class PolicyGatewayFixture : AuthGatewayFixture
{
    private readonly string _schema = CopySchema();

    protected override IEnumerable<string> MoreArguments() =>
    [
        "--GraphBff:SchemaDirectory=" + _schema,
        "--GraphBff:Authorization:FilterIntrospection=true",
        "--GraphBff:Sources:accounts:ForwardAuthorization=true",
        "--GraphBff:Sources:accounts:ClaimHeaders:x-user-id=sub",
    ];

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Services.AddAuthorization(static o => o.AddPolicy("pro", static p => p.RequireClaim("plan", "pro")));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_schema, recursive: true);
    }

    private static string CopySchema()
    {
        var source = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(source.FullName, "schema", "sources")) || !File.Exists(Path.Combine(source.FullName, "GraphBff.sln")))
        {
            source = source.Parent!;
        }

        var target = Directory.CreateTempSubdirectory("graphbff-policy").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(source.FullName, "schema"), "*.graphql", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Path.Combine(source.FullName, "schema"), file);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        File.WriteAllText(Path.Combine(target, "extensions", "pro.graphql"), "extend type Post { body: String! @authorize(policy: \"pro\") }\n");
        return target;
    }
}
