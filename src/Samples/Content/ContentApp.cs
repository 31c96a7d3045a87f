namespace GraphBff.Samples.Content;

/// <summary>
/// The "content" demo upstream: a REST/JSON API over 1000 deterministic posts with 5 comments each.
/// </summary>
public static class ContentApp
{
    public const string DefaultUrl = "http://127.0.0.1:4002";

    /// <summary>
    /// Builds (does not start) the app listening on <paramref name="url"/>;
    /// "http://127.0.0.1:0" picks a free port (see <see cref="GetBaseAddress"/>).
    /// </summary>
    public static WebApplication Build(string url = DefaultUrl)
    {
        var builder = SampleHost.CreateBuilder(url, typeof(ContentApp).Assembly.GetName().Name!);
        builder.Services.AddSingleton<ContentData>();

        var app = builder.Build();
        var endpoints = new ContentEndpoints(app.Services.GetRequiredService<ContentData>());
        app.MapGet("/posts", endpoints.GetPostsAsync);
        app.MapGet("/posts/{id}", endpoints.GetPostAsync);
        app.MapGet("/posts/{id}/comments", endpoints.GetCommentsAsync);
        app.MapGet("/users/{id}/posts", endpoints.GetPostsByUserAsync);
        return app;
    }

    /// <summary>The bound base address, e.g. "http://127.0.0.1:54321"; valid after <c>StartAsync</c>.</summary>
    public static Uri GetBaseAddress(WebApplication app) => SampleHost.GetBaseAddress(app);
}
