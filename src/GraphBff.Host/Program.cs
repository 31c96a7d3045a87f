using GraphBff;
using GraphBff.Samples.Accounts;
using GraphBff.Samples.Content;
using Microsoft.AspNetCore.Builder;

namespace GraphBff.Host;

/// <summary>
/// The gateway host. With no <c>GraphBff:Sources</c> configured it starts the demo upstreams in-process
/// (accounts on 127.0.0.1:4001, content on 127.0.0.1:4002) and serves the demo graph on 127.0.0.1:5000.
/// </summary>
public partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        await using var app = await BuildAsync(args).ConfigureAwait(false);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (GraphBffConfigurationException ex)
        {
            await Console.Error.WriteLineAsync("GraphBff cannot start: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        foreach (var url in app.Urls)
        {
            app.Logger.LogInformation("GraphBff serves {Url}/graphql", url.TrimEnd('/'));
        }

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Builds the host; starts the demo upstreams first when no sources are configured.</summary>
    public static async Task<DemoAwareApp> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5000");
        }

        builder.Services.AddGraphBff();
        builder.Services.Configure<GraphBffOptions>(builder.Configuration.GetSection("GraphBff"));
        builder.Services.PostConfigure<GraphBffOptions>(static options =>
        {
            if (!Path.IsPathRooted(options.SchemaDirectory))
            {
                options.SchemaDirectory = Path.Combine(AppContext.BaseDirectory, options.SchemaDirectory);
            }
        });

        var demos = new List<WebApplication>();
        if (!builder.Configuration.GetSection("GraphBff:Sources").Exists())
        {
            var accounts = AccountsApp.Build(builder.Configuration["Demo:AccountsUrl"] ?? AccountsApp.DefaultUrl);
            var content = ContentApp.Build(builder.Configuration["Demo:ContentUrl"] ?? ContentApp.DefaultUrl);
            await accounts.StartAsync().ConfigureAwait(false);
            await content.StartAsync().ConfigureAwait(false);
            demos.Add(accounts);
            demos.Add(content);
            var accountsUrl = new Uri(AccountsApp.GetBaseAddress(accounts), "/graphql").ToString();
            var contentUrl = ContentApp.GetBaseAddress(content).ToString();
            builder.Services.AddGraphBff()
                .AddGraphQLSource("accounts", accountsUrl)
                .AddRestSource("content", contentUrl);
            Console.WriteLine($"Demo upstreams: accounts {accountsUrl}, content {contentUrl}");
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGraphBff("/graphql");
        return new DemoAwareApp(app, demos);
    }
}
