using Cases.Domain.Cases;
using Cases.Domain.Centres;
using Cases.Domain.Enterprises;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cases.Workflows.Persistence.Configurations;

/// <summary>A case id is stored as its Guid, wherever it appears.</summary>
internal sealed class CaseIdConverter() : ValueConverter<CaseId, Guid>(id => id.Value, value => new CaseId(value));

/// <summary>A centre code is stored as its text, wherever it appears.</summary>
internal sealed class CentreCodeConverter() : ValueConverter<CentreCode, string>(code => code.Value, value => new CentreCode(value));

/// <summary>An enterprise id is stored as its Guid, wherever it appears.</summary>
internal sealed class EnterpriseIdConverter() : ValueConverter<EnterpriseId, Guid>(id => id.Value, value => new EnterpriseId(value));
