using Cases.Workflows.Pipeline;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Api.Tests;

/// <summary>Handlers and validators are registered by hand (no assembly scanning), so a forgotten one is caught here, not in production.</summary>
public sealed class RegistrationTests(CasesApi api) : IClassFixture<CasesApi>
{
    public static TheoryData<Type> Requests()
    {
        var requests = new TheoryData<Type>();
        foreach (var type in typeof(ICommand).Assembly.GetTypes().Where(type => type is { IsClass: true, IsAbstract: false } && ResponseOf(type) is not null))
        {
            requests.Add(type);
        }

        return requests;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Every_request_has_a_handler_and_every_command_a_validator_of_its_own(Type request)
    {
        using var scope = api.Services.CreateScope();

        var handler = scope.ServiceProvider.GetService(typeof(IRequestHandler<,>).MakeGenericType(request, ResponseOf(request)!));
        var validators = ((IEnumerable<object>)scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(request))).ToList();

        Assert.NotNull(handler);
        if (typeof(ICommand).IsAssignableFrom(request))
        {
            Assert.Contains(validators, validator => !validator.GetType().Name.StartsWith("StorableTextValidator", StringComparison.Ordinal));
        }

        Assert.Contains(validators, validator => validator.GetType().Name.StartsWith("StorableTextValidator", StringComparison.Ordinal));
    }

    [Fact]
    public void The_workflows_assembly_has_requests_to_check()
    {
        Assert.True(Requests().Count >= 8);
    }

    private static Type? ResponseOf(Type type) =>
        type.GetInterfaces().FirstOrDefault(face => face.IsGenericType && face.GetGenericTypeDefinition() == typeof(IRequest<>))?.GetGenericArguments()[0];
}
