namespace GraphBff;

/// <summary>One upstream API (configuration section <c>GraphBff:Sources:&lt;name&gt;</c>).</summary>
public sealed class SourceOptions
{
    /// <summary>The name used by <c>@delegate(source:)</c> and the SDL file <c>schema/sources/&lt;name&gt;.graphql</c>.</summary>
    public string Name { get; set; } = "";

    public SourceKind Kind { get; set; } = SourceKind.GraphQL;

    /// <summary>The GraphQL endpoint, or the base URL of a REST API.</summary>
    public string Url { get; set; } = "";

    /// <summary>How long one upstream call may take; default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many calls to this source one request may have in flight at once; default 32.</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>Headers sent with every call.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Client request headers copied onto every call to this source.</summary>
    public List<string> ForwardHeaders { get; set; } = [];

    /// <summary>Send the client's <c>Authorization</c> header on to this source; default false.</summary>
    public bool ForwardAuthorization { get; set; }

    /// <summary>Headers set from the caller's claims, header name to claim type (e.g. <c>x-user-id</c> from <c>sub</c>).</summary>
    public Dictionary<string, string> ClaimHeaders { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The SDL file used when a GraphQL source cannot be introspected, and for REST sources always.</summary>
    public string? SchemaFile { get; set; }
}
