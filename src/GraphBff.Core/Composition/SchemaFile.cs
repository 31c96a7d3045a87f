namespace GraphBff.Composition;

/// <summary>A gateway extension file (<c>schema/extensions/*.graphql</c>).</summary>
internal sealed record SchemaFile(string Path, string Text);
