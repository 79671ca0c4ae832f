# Inputs. Required: tenancy_ocid, region, costsync_version, s3_bucket, alert_email (see terraform.tfvars.example).
# No variable ever holds an AWS key: the keys go into Vault out of band (`tofu output set_aws_keys`).

variable "tenancy_ocid" {
  description = "OCID of the tenancy (the dynamic group, the policy and the bling bucket belong to it)."
  type        = string
  validation {
    condition     = can(regex("^ocid1\\.tenancy\\.[a-z0-9]+\\.\\.[a-z0-9]+$", var.tenancy_ocid))
    error_message = "tenancy_ocid must be a tenancy OCID (ocid1.tenancy.oc1..aaaa…); find it under Tenancy details in the console."
  }
}

variable "region" {
  description = "The tenancy's HOME region, e.g. eu-frankfurt-1: bling is readable only there and IAM resources live there."
  type        = string
  validation {
    condition     = can(regex("^[a-z]+-[a-z]+-[0-9]+$", var.region))
    error_message = "region must be an OCI region identifier such as eu-frankfurt-1 or us-ashburn-1."
  }
}

variable "oci_profile" {
  description = "Profile in ~/.oci/config that tofu uses (a tenancy administrator: it creates IAM resources)."
  type        = string
  default     = "DEFAULT"
}

variable "name_prefix" {
  description = "Prefix of every resource name (compartment, VCN, vault, topic, dynamic group, policy, bucket)."
  type        = string
  default     = "costsync"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,18}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3-20 characters: lower-case letters, digits and dashes, starting with a letter."
  }
}

variable "freeform_tags" {
  description = "Free-form tags put on every resource that takes them."
  type        = map(string)
  default     = {}
}

# --- Greenfield (create_*) or brownfield (existing_*_id) -----------------------------------------------------------

variable "create_compartment" {
  description = "Create a compartment for CostSync (true) or use existing_compartment_id (false)."
  type        = bool
  default     = true
}

variable "parent_compartment_id" {
  description = "Where the new compartment goes (create_compartment = true); empty = the root compartment."
  type        = string
  default     = ""
}

variable "existing_compartment_id" {
  description = "The compartment to use when create_compartment = false."
  type        = string
  default     = ""
  validation {
    condition     = var.existing_compartment_id == "" || can(regex("^ocid1\\.(compartment|tenancy)\\.", var.existing_compartment_id))
    error_message = "existing_compartment_id must be a compartment OCID (ocid1.compartment.…) or empty."
  }
}

variable "create_vcn" {
  description = "Create a VCN (true) or use existing_vcn_id (false)."
  type        = bool
  default     = true
}

variable "vcn_cidr" {
  description = "CIDR of the new VCN (create_vcn = true)."
  type        = string
  default     = "10.42.0.0/16"
  validation {
    condition     = can(cidrhost(var.vcn_cidr, 0))
    error_message = "vcn_cidr must be an IPv4 CIDR block such as 10.42.0.0/16."
  }
}

variable "existing_vcn_id" {
  description = "The VCN to use when create_vcn = false (needed only when the stack creates the subnet or a gateway)."
  type        = string
  default     = ""
}

variable "create_private_subnet" {
  description = "Create the private subnet with its route table and security list (true) or use existing_subnet_id (false)."
  type        = bool
  default     = true
}

variable "private_subnet_cidr" {
  description = "CIDR of the new private subnet, inside the VCN's CIDR; SSH (port 22) is allowed only from it (the Bastion's endpoint sits in it)."
  type        = string
  default     = "10.42.1.0/24"
  validation {
    condition     = can(cidrhost(var.private_subnet_cidr, 0))
    error_message = "private_subnet_cidr must be an IPv4 CIDR block such as 10.42.1.0/24."
  }
}

variable "existing_subnet_id" {
  description = "A private subnet to use when create_private_subnet = false; it must route 0.0.0.0/0 to a NAT gateway (AWS) and the Oracle Services Network to a service gateway, and allow HTTPS out."
  type        = string
  default     = ""
}

variable "create_nat_gateway" {
  description = "Create a NAT gateway, CostSync's egress to AWS S3 (true) or use existing_nat_gateway_id (false)."
  type        = bool
  default     = true
}

variable "existing_nat_gateway_id" {
  description = "The NAT gateway the new subnet's route table uses when create_nat_gateway = false."
  type        = string
  default     = ""
}

variable "create_service_gateway" {
  description = "Create a service gateway, the private path to Object Storage, Vault and Notifications (true) or use existing_service_gateway_id (false)."
  type        = bool
  default     = true
}

variable "existing_service_gateway_id" {
  description = "The service gateway the new subnet's route table uses when create_service_gateway = false."
  type        = string
  default     = ""
}

variable "create_vault" {
  description = "Create a Vault (DEFAULT, no extra cost) for the AWS keys (true) or use existing_vault_id (false)."
  type        = bool
  default     = true
}

variable "existing_vault_id" {
  description = "The vault that holds the two AWS-key secrets when create_vault = false."
  type        = string
  default     = ""
}

variable "existing_vault_management_endpoint" {
  description = "Management endpoint of existing_vault_id; needed only when create_vault = false and create_key = true."
  type        = string
  default     = ""
}

variable "create_key" {
  description = "Create the AES master encryption key for the secrets (true) or use existing_key_id (false)."
  type        = bool
  default     = true
}

variable "existing_key_id" {
  description = "The AES master encryption key (in the vault) that encrypts the secrets when create_key = false."
  type        = string
  default     = ""
}

# --- Access over SSH (optional) -----------------------------------------------------------------------------------

variable "create_bastion" {
  description = "Create an OCI Bastion for SSH port-forwarding sessions to the VM (it never has a public IP)."
  type        = bool
  default     = false
}

variable "bastion_client_cidrs" {
  description = "Public CIDRs allowed to open Bastion sessions, e.g. [\"203.0.113.4/32\"] (create_bastion = true)."
  type        = list(string)
  default     = []
  validation {
    condition     = alltrue([for cidr in var.bastion_client_cidrs : can(cidrhost(cidr, 0))])
    error_message = "Every bastion_client_cidrs entry must be an IPv4 CIDR block such as 203.0.113.4/32."
  }
}

variable "ssh_public_key" {
  description = "OpenSSH public key for the opc user (Bastion sessions); empty = no SSH login."
  type        = string
  default     = ""
}

# --- The VM ---------------------------------------------------------------------------------------------------------

variable "instance_shape" {
  description = "VM shape. VM.Standard.A1.Flex (Ampere, arm64) is Always Free eligible; x86 shapes such as VM.Standard.E5.Flex get the linux-x64 build."
  type        = string
  default     = "VM.Standard.A1.Flex"
  validation {
    condition     = can(regex("^VM\\.Standard[.0-9A-Za-z]*\\.Flex$", var.instance_shape))
    error_message = "instance_shape must be a flexible VM shape such as VM.Standard.A1.Flex (arm64) or VM.Standard.E5.Flex (x86)."
  }
}

variable "instance_ocpus" {
  description = "OCPUs of the VM."
  type        = number
  default     = 1
  validation {
    condition     = var.instance_ocpus >= 1 && var.instance_ocpus <= 4
    error_message = "instance_ocpus must be between 1 and 4 (CostSync needs one)."
  }
}

variable "instance_memory_gbs" {
  description = "Memory of the VM in GB (CostSync's default memory budget is 256 MiB)."
  type        = number
  default     = 6
  validation {
    condition     = var.instance_memory_gbs >= 1 && var.instance_memory_gbs <= 24
    error_message = "instance_memory_gbs must be between 1 and 24."
  }
}

variable "availability_domain_number" {
  description = "Which availability domain (1, 2 or 3) gets the VM; try another when A1 capacity is exhausted."
  type        = number
  default     = 1
  validation {
    condition     = contains([1, 2, 3], var.availability_domain_number)
    error_message = "availability_domain_number must be 1, 2 or 3."
  }
}

variable "image_id" {
  description = "Image OCID; empty = the newest Oracle Linux 9 platform image for the shape, chosen once (later images never replace the VM)."
  type        = string
  default     = ""
}

# --- CostSync -------------------------------------------------------------------------------------------------------

variable "costsync_version" {
  description = "The CostSync version to install, as built by `deploy/package.sh VERSION` (a fixed version)."
  type        = string
  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.]+)?$", var.costsync_version))
    error_message = "costsync_version must be a version such as 1.4.0 (the one given to deploy/package.sh)."
  }
}

variable "artifact_dir" {
  description = "Folder holding deploy/package.sh's tarballs and .sha256 files; empty = artifacts/package in this repository."
  type        = string
  default     = ""
}

variable "s3_bucket" {
  description = "The S3 bucket the reports are copied to (CostSync:Destination:Bucket)."
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.s3_bucket))
    error_message = "s3_bucket must be an S3 bucket name: 3-63 lower-case letters, digits, dots and dashes."
  }
}

variable "s3_region" {
  description = "The S3 bucket's AWS region (CostSync:Destination:Region)."
  type        = string
  default     = "us-east-1"
  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", var.s3_region))
    error_message = "s3_region must be an AWS region such as us-east-1 or eu-central-1."
  }
}

variable "s3_prefix" {
  description = "Key prefix in the bucket (CostSync:Destination:Prefix); reports land at <prefix>/<OCI object name>."
  type        = string
  default     = "oci-cost-reports"
  validation {
    condition     = can(regex("^([A-Za-z0-9!_.*'()-]+(/[A-Za-z0-9!_.*'()-]+)*)?$", var.s3_prefix))
    error_message = "s3_prefix must be empty or path segments of letters, digits and !_.*'()- separated by single slashes, without a leading or trailing slash."
  }
}

variable "include_tenancy_folder" {
  description = "Insert the tenancy OCID after the prefix, so several tenancies can share a bucket (CostSync:Destination:IncludeTenancyFolder)."
  type        = bool
  default     = false
}

variable "schedule_cron" {
  description = "When CostSync runs, in UTC (CostSync:Schedule:Cron)."
  type        = string
  default     = "0 */6 * * *"
  validation {
    condition     = can(regex("^[0-9*/,A-Za-z?-]+( [0-9*/,A-Za-z?-]+){4,5}$", var.schedule_cron))
    error_message = "schedule_cron must be a cron expression of 5 (or 6, with seconds) fields, e.g. \"0 */6 * * *\"."
  }
}

variable "dead_man_alarm_hours" {
  description = "The dead-man's switch: OCI Monitoring e-mails the alert topic when no CostSync run has succeeded (or none posted its metrics) for this many hours. At least two schedule intervals (12 for the default every-6-hours schedule); at most 24, OCI Monitoring's longest alarm window."
  type        = number
  default     = 12
  validation {
    condition     = var.dead_man_alarm_hours >= 1 && var.dead_man_alarm_hours <= 24 && floor(var.dead_man_alarm_hours) == var.dead_man_alarm_hours
    error_message = "dead_man_alarm_hours must be a whole number of hours from 1 to 24 (OCI Monitoring's alarm windows end at one day), e.g. 12 for a schedule every 6 hours."
  }
}

variable "alert_email" {
  description = "E-mail address subscribed to CostSync's alert topic; OCI sends a confirmation mail that must be clicked."
  type        = string
  validation {
    condition     = can(regex("^[^@\\s\"\\\\]+@[^@\\s\"\\\\]+\\.[^@\\s\"\\\\]+$", var.alert_email))
    error_message = "alert_email must be an e-mail address such as finops@example.com."
  }
}
