namespace GraphBff;

/// <summary>The kind of an upstream API.</summary>
public enum SourceKind
{
    /// <summary>A GraphQL service, introspected at start or described by its SDL file.</summary>
    GraphQL,

    /// <summary>A REST/JSON service described by SDL with <c>@http</c> directives.</summary>
    Rest,
}
