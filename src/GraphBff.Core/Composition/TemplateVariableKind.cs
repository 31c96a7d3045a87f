namespace GraphBff.Composition;

/// <summary>Where a template hole takes its value from.</summary>
internal enum TemplateVariableKind
{
    /// <summary>An argument of the field being resolved (<c>$arguments:id</c>).</summary>
    Arguments,

    /// <summary>A field of the parent object (<c>$fields:authorId</c>).</summary>
    Fields,

    /// <summary>A claim of the caller (<c>$claims:sub</c>).</summary>
    Claims,

    /// <summary>A header of the client request (<c>$headers:x-tenant</c>).</summary>
    Headers,
}
