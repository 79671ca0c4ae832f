# CostSync on OCI: one `tofu init && tofu apply` from an empty compartment to an alerting daemon.
# Run it with a profile of a tenancy administrator, in the tenancy's HOME region (checks.tf refuses any other).
terraform {
  required_version = ">= 1.6.0"
  required_providers {
    oci = {
      source  = "oracle/oci"
      version = "~> 8.28"
    }
  }
}

provider "oci" {
  region              = var.region
  config_file_profile = var.oci_profile
}
