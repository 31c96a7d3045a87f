using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;

namespace GraphBff.Core.Tests.Differential;

/// <summary>The catalog's root fields; <c>items</c>, <c>item</c> and <c>search</c> (interface and union) only with items.</summary>
internal sealed class CatalogQueryGraphType : ObjectGraphType
{
    public CatalogQueryGraphType(bool withItems)
    {
        Name = "Query";

        Field<CatalogBookGraphType>("book")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(static c => CatalogData.Books.FirstOrDefault(b => b.Id == c.GetArgument<string>("id")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogBookGraphType>>>>("books")
            .Argument<CatalogGenreGraphType>("genre")
            .Argument<CatalogLenientIntGraphType>("first", static a => a.DefaultValue = 5)
            .Resolve(static c =>
            {
                var genre = c.GetArgument<string?>("genre");
                var first = c.GetArgument<int?>("first");
                if (first < 0)
                {
                    throw new ExecutionError("first must not be negative.");
                }

                var books = CatalogData.Books.Where(b => genre is null || b.Genre == genre);
                return (first is { } n ? books.Take(n) : books).ToList();
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogBookGraphType>>>>("booksIn")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogGenreGraphType>>>>("genres")
            .Resolve(static c =>
            {
                var genres = c.GetArgument<List<string>>("genres");
                return CatalogData.Books.Where(b => genres.Contains(b.Genre)).ToList();
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogBookGraphType>>>>("publishedAfter")
            .Argument<NonNullGraphType<CatalogDateGraphType>>("date")
            .Resolve(static c =>
            {
                var date = c.GetArgument<string>("date");
                return CatalogData.Books.Where(b => b.Published is { } p && string.CompareOrdinal(p, date) > 0).ToList();
            });

        if (withItems)
        {
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogItemGraphType>>>>("items")
                .Resolve(static _ => CatalogData.Items);

            Field<CatalogItemGraphType>("item")
                .Argument<NonNullGraphType<IdGraphType>>("id")
                .Resolve(static c => CatalogData.Items.FirstOrDefault(i => CatalogData.IdOf(i) == c.GetArgument<string>("id")));

            Field<NonNullGraphType<ListGraphType<NonNullGraphType<CatalogSearchResultGraphType>>>>("search")
                .Argument<NonNullGraphType<StringGraphType>>("text")
                .Resolve(static c => CatalogData.Search(c.GetArgument<string>("text")));
        }

        Field<CatalogJsonGraphType>("echo")
            .Argument<CatalogJsonGraphType>("value")
            .Resolve(static c => c.GetArgument<JsonNode?>("value"));
    }
}
