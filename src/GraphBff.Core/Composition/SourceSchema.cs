namespace GraphBff.Composition;

/// <summary>The SDL of one source, and the file (or introspection) it came from.</summary>
internal sealed record SourceSchema(string Name, SourceKind Kind, string Sdl, string File);
