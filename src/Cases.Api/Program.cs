using Cases.Api;
using Cases.Api.Web;
using Cases.Workflows;

var commandLine = CasesCommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(commandLine.HostArguments);
builder.AddCasesWorkflows();
builder.AddCasesApi();
builder.AddCasesWeb();

var app = builder.Build();
app.UseCasesApi();
return await app.RunCasesAsync(commandLine);

/// <summary>The entry point's type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
