using System.Collections.Frozen;
using System.Globalization;

namespace GraphBff.Samples.Accounts;

/// <summary>
/// The 200 deterministic users of the accounts upstream. For N = 1..200: id "N", name "User N",
/// email "userN@example.com", role admin/editor/author/reader by (N-1) % 4, company null when
/// N % 3 == 0 and otherwise "Company L" where L is the letter 'A' + (N-1) % 26.
/// </summary>
internal static class UserStore
{
    public const int Count = 200;

    private static readonly string[] Roles = ["admin", "editor", "author", "reader"];

    public static IReadOnlyList<User> All { get; } = Create();

    private static readonly FrozenDictionary<string, User> ById = All.ToFrozenDictionary(user => user.Id, StringComparer.Ordinal);

    public static User? Find(string? id) => id is null ? null : ById.GetValueOrDefault(id);

    private static User[] Create()
    {
        var users = new User[Count];
        for (var n = 1; n <= Count; n++)
        {
            var id = n.ToString(CultureInfo.InvariantCulture);
            users[n - 1] = new User(
                Id: id,
                Name: "User " + id,
                Email: "user" + id + "@example.com",
                Company: n % 3 == 0 ? null : "Company " + (char)('A' + ((n - 1) % 26)),
                Role: Roles[(n - 1) % Roles.Length]);
        }

        return users;
    }
}
