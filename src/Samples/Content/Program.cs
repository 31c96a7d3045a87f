namespace GraphBff.Samples.Content;

internal static class Program
{
    public static async Task Main(string[] args)
    {
        await using var app = ContentApp.Build(SampleHost.ResolveUrl(args, ContentApp.DefaultUrl));
        await app.StartAsync();
        Console.WriteLine($"content upstream (REST) listening on {ContentApp.GetBaseAddress(app)}");
        await app.WaitForShutdownAsync();
    }
}
