using System.Text.Json.Nodes;
using Cases.Domain.Centres;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cases.Api.Infrastructure;

/// <summary>Describes in the OpenAPI document what our own JSON converters accept.</summary>
public static class OpenApiSchemas
{
    public static Task DescribeEnumsAsNames(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (enumType.IsEnum)
        {
            schema.Type = enumType == type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Enum = Enum.GetNames(enumType).Select(name => (JsonNode)JsonValue.Create(name)).ToList();
        }

        return Task.CompletedTask;
    }

    public static Task DescribeCentreCodesAsText(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(CentreCode))
        {
            schema.Type = type == typeof(CentreCode) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Pattern = "^[A-Z]{2}(-[A-Z0-9]{2,8})?$";
            schema.Description = $"A protection centre's code: {CentreCode.FormatDescription}.";
        }

        return Task.CompletedTask;
    }
}
