using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;

namespace Cases.Workflows.Pipeline;

/// <summary>
/// PostgreSQL cannot store the NUL character (U+0000) in text. Registered for every request, this
/// validator finds it in any text field, however deeply nested, so no use case can forget the check
/// and such input is a 400 naming the field rather than a database error.
/// </summary>
public sealed class StorableTextValidator<TRequest> : AbstractValidator<TRequest>
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public StorableTextValidator()
    {
        RuleFor(request => request).Custom((request, context) =>
        {
            foreach (var path in FieldsWithNul(request, prefix: string.Empty, depth: 0))
            {
                context.AddFailure(new ValidationFailure(path, $"'{path}' must not contain the NUL character (U+0000)."));
            }
        });
    }

    private static IEnumerable<string> FieldsWithNul(object? value, string prefix, int depth)
    {
        if (value is null || depth > 8)
        {
            yield break;
        }

        foreach (var property in Properties.GetOrAdd(value.GetType(), OwnProperties))
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            switch (property.GetValue(value))
            {
                case string text when text.Contains('\0', StringComparison.Ordinal):
                    yield return path;
                    break;
                case IEnumerable items and not string:
                    var index = 0;
                    foreach (var item in items)
                    {
                        var itemPath = $"{path}[{index++}]";
                        if (item is string itemText)
                        {
                            if (itemText.Contains('\0', StringComparison.Ordinal))
                            {
                                yield return itemPath;
                            }
                        }
                        else
                        {
                            foreach (var nested in FieldsWithNul(item, itemPath, depth + 1))
                            {
                                yield return nested;
                            }
                        }
                    }

                    break;
                case { } nested when IsOurs(nested.GetType()):
                    foreach (var nestedPath in FieldsWithNul(nested, path, depth + 1))
                    {
                        yield return nestedPath;
                    }

                    break;
            }
        }
    }

    private static PropertyInfo[] OwnProperties(Type type) =>
        IsOurs(type)
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.GetIndexParameters().Length == 0).ToArray()
            : [];

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Cases.", StringComparison.Ordinal) == true && !type.IsEnum;
}
