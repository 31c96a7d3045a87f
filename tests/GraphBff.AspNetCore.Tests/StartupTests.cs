using GraphBff.Host;

namespace GraphBff.AspNetCore.Tests;

/// <summary>Bad configuration stops start-up with a message naming the setting or the field.</summary>
public sealed class StartupTests
{
    private static async Task<GraphBffConfigurationException> StartFailsAsync(params string[] args)
    {
        await using var app = await Program.BuildAsync(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=None", .. args]);
        return await Assert.ThrowsAsync<GraphBffConfigurationException>(app.StartAsync);
    }

    [Fact]
    public async Task Unknown_policy_named_by_the_schema_is_a_start_up_error()
    {
        var schema = Directory.CreateTempSubdirectory("graphbff-startup").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(schema, "sources"));
            await File.WriteAllTextAsync(Path.Combine(schema, "sources", "content.graphql"),
                "type Post { id: ID! } type Query { post(id: ID!): Post @authorize(policy: \"ghost\") @http(path: \"/posts/{$arguments:id}\") }");
            var ex = await StartFailsAsync(
                "--GraphBff:SchemaDirectory=" + schema,
                "--GraphBff:Sources:content:Kind=Rest",
                "--GraphBff:Sources:content:Url=http://127.0.0.1:9");

            Assert.Contains("Query.post names policy 'ghost'", ex.Message);
        }
        finally
        {
            Directory.Delete(schema, recursive: true);
        }
    }

    [Fact]
    public async Task Bad_source_url_names_the_setting()
    {
        var ex = await StartFailsAsync("--GraphBff:Sources:content:Kind=Rest", "--GraphBff:Sources:content:Url=not a url");

        Assert.Contains("GraphBff:Sources:content:Url 'not a url' is not an absolute http(s) URL", ex.Message);
    }

    [Fact]
    public async Task Provider_without_issuer_names_the_setting()
    {
        var ex = await Assert.ThrowsAsync<GraphBffConfigurationException>(() => Program.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            "--GraphBff:Sources:content:Kind=Rest",
            "--GraphBff:Sources:content:Url=http://127.0.0.1:9",
            "--GraphBff:Authentication:Providers:0:Name=clerk",
            "--GraphBff:Authentication:Providers:0:JwksUrl=http://127.0.0.1:9/jwks.json",
        ]));

        Assert.Contains("GraphBff:Authentication:Providers:0:Issuer is required", ex.Message);
    }
}
