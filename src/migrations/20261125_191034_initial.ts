import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_agencies_kind" AS ENUM('ministry', 'department', 'local-government');
  CREATE TYPE "public"."enum_agencies_licence_reporting_by" AS ENUM('service-points', 'department');
  CREATE TYPE "public"."enum_service_points_opening_hours_day" AS ENUM('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
  CREATE TYPE "public"."enum_service_points_status" AS ENUM('active', 'closed');
  CREATE TYPE "public"."enum_tags_type" AS ENUM('service-category', 'user-group', 'tag');
  CREATE TYPE "public"."enum_manuals_steps_duration_unit" AS ENUM('minutes', 'hours', 'days');
  CREATE TYPE "public"."enum_manuals_workflow_state" AS ENUM('draft', 'pending-review', 'pending-opdc', 'published', 'rejected', 'superseded');
  CREATE TYPE "public"."enum_manuals_service_type" AS ENUM('licence', 'service');
  CREATE TYPE "public"."enum_manuals_total_duration_unit" AS ENUM('minutes', 'hours', 'days');
  CREATE TYPE "public"."enum_manuals_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__manuals_v_version_steps_duration_unit" AS ENUM('minutes', 'hours', 'days');
  CREATE TYPE "public"."enum__manuals_v_version_workflow_state" AS ENUM('draft', 'pending-review', 'pending-opdc', 'published', 'rejected', 'superseded');
  CREATE TYPE "public"."enum__manuals_v_version_service_type" AS ENUM('licence', 'service');
  CREATE TYPE "public"."enum__manuals_v_version_total_duration_unit" AS ENUM('minutes', 'hours', 'days');
  CREATE TYPE "public"."enum__manuals_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_manual_transitions_action" AS ENUM('submit', 'approve', 'reject', 'new-revision');
  CREATE TYPE "public"."enum_manual_transitions_from_state" AS ENUM('draft', 'pending-review', 'pending-opdc', 'published', 'rejected', 'superseded');
  CREATE TYPE "public"."enum_manual_transitions_to_state" AS ENUM('draft', 'pending-review', 'pending-opdc', 'published', 'rejected', 'superseded');
  CREATE TYPE "public"."enum_manual_transitions_actor_role" AS ENUM('central-officer', 'service-point-officer', 'manual-author', 'manual-reviewer', 'opdc-officer', 'system-admin');
  CREATE TYPE "public"."enum_other_services_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__other_services_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('central-officer', 'service-point-officer', 'manual-author', 'manual-reviewer', 'opdc-officer', 'system-admin');
  CREATE TYPE "public"."enum_role_tokens_role" AS ENUM('central-officer', 'service-point-officer', 'manual-author', 'manual-reviewer');
  CREATE TYPE "public"."enum_audit_logs_action" AS ENUM('login', 'logout', 'login-refused', 'token-created', 'token-redeemed', 'token-refreshed', 'role-change', 'removal');
  CREATE TYPE "public"."enum_delay_notices_notices_channel" AS ENUM('letter', 'email', 'sms', 'phone', 'in-person', 'other');
  CREATE TYPE "public"."enum_delay_notices_decision_outcome" AS ENUM('approved', 'refused', 'withdrawn', 'returned');
  CREATE TYPE "public"."enum_delay_notices_state" AS ENUM('open', 'overdue', 'closed');
  CREATE TYPE "public"."enum_delay_notices_stated_duration_unit" AS ENUM('minutes', 'hours', 'days');
  CREATE TYPE "public"."enum_survey_responses_channel" AS ENUM('form', 'api');
  CREATE TYPE "public"."enum_licence_reports_state" AS ENUM('draft', 'submitted');
  CREATE TYPE "public"."enum_licence_unlock_requests_state" AS ENUM('requested', 'approved', 'refused');
  CREATE TYPE "public"."enum_search_type" AS ENUM('manual', 'other-service', 'service-point', 'agency');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'delayNoticeReminders', 'delayContactRetention');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'delayNoticeReminders', 'delayContactRetention');
  CREATE TABLE "agencies_breadcrumbs" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"doc_id" integer,
  	"url" varchar,
  	"label" varchar
  );
  
  CREATE TABLE "agencies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"legacy_id" varchar,
  	"name" varchar NOT NULL,
  	"name_en" varchar,
  	"kind" "enum_agencies_kind" NOT NULL,
  	"code" varchar,
  	"province" varchar,
  	"licence_reporting_by" "enum_agencies_licence_reporting_by" DEFAULT 'service-points',
  	"address" varchar,
  	"phone" varchar,
  	"email" varchar,
  	"website" varchar,
  	"parent_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "service_points_opening_hours" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"day" "enum_service_points_opening_hours_day" NOT NULL,
  	"opens" varchar,
  	"closes" varchar
  );
  
  CREATE TABLE "service_points_pin_details" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"manual_id" integer NOT NULL,
  	"hours" varchar,
  	"phone" varchar,
  	"fee_note" varchar
  );
  
  CREATE TABLE "service_points" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"legacy_id" varchar,
  	"name" varchar NOT NULL,
  	"name_en" varchar,
  	"agency_id" integer NOT NULL,
  	"parent_id" integer,
  	"visible" boolean DEFAULT true,
  	"status" "enum_service_points_status" DEFAULT 'active' NOT NULL,
  	"address" varchar,
  	"province" varchar NOT NULL,
  	"district" varchar,
  	"subdistrict" varchar,
  	"postcode" varchar,
  	"location_lat" numeric,
  	"location_lng" numeric,
  	"phone" varchar,
  	"email" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "service_points_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"manuals_id" integer
  );
  
  CREATE TABLE "tags" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"name_en" varchar,
  	"type" "enum_tags_type" NOT NULL,
  	"parent_id" integer,
  	"agency_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "processes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"legacy_id" varchar,
  	"name" varchar NOT NULL,
  	"agency_id" integer NOT NULL,
  	"legal_basis" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "processes_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "processes_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"tags_id" integer
  );
  
  CREATE TABLE "manuals_service_channels" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"place" varchar,
  	"hours" varchar
  );
  
  CREATE TABLE "manuals_steps" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"description" varchar,
  	"duration" numeric,
  	"duration_unit" "enum_manuals_steps_duration_unit" DEFAULT 'minutes',
  	"responsible_unit" varchar
  );
  
  CREATE TABLE "manuals_documents" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"issuing_agency" varchar,
  	"originals" numeric DEFAULT 0,
  	"copies" numeric DEFAULT 0,
  	"note" varchar
  );
  
  CREATE TABLE "manuals_fees" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"description" varchar,
  	"amount" numeric
  );
  
  CREATE TABLE "manuals_complaint_channels" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"channel" varchar,
  	"contact" varchar
  );
  
  CREATE TABLE "manuals_forms" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"file_id" integer
  );
  
  CREATE TABLE "manuals_legal_basis" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar
  );
  
  CREATE TABLE "manuals" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"legacy_id" varchar,
  	"title" varchar,
  	"process_id" integer,
  	"agency_id" integer,
  	"revision" numeric DEFAULT 1,
  	"workflow_state" "enum_manuals_workflow_state" DEFAULT 'draft',
  	"published_at" timestamp(3) with time zone,
  	"service_type" "enum_manuals_service_type",
  	"conditions" jsonb,
  	"total_duration" numeric,
  	"total_duration_unit" "enum_manuals_total_duration_unit",
  	"no_fee" boolean DEFAULT false,
  	"remarks" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_manuals_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_manuals_v_version_service_channels" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"place" varchar,
  	"hours" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_manuals_v_version_steps" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"description" varchar,
  	"duration" numeric,
  	"duration_unit" "enum__manuals_v_version_steps_duration_unit" DEFAULT 'minutes',
  	"responsible_unit" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_manuals_v_version_documents" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"issuing_agency" varchar,
  	"originals" numeric DEFAULT 0,
  	"copies" numeric DEFAULT 0,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_manuals_v_version_fees" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"description" varchar,
  	"amount" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_manuals_v_version_complaint_channels" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"channel" varchar,
  	"contact" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_manuals_v_version_forms" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"file_id" integer,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_manuals_v_version_legal_basis" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_manuals_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_legacy_id" varchar,
  	"version_title" varchar,
  	"version_process_id" integer,
  	"version_agency_id" integer,
  	"version_revision" numeric DEFAULT 1,
  	"version_workflow_state" "enum__manuals_v_version_workflow_state" DEFAULT 'draft',
  	"version_published_at" timestamp(3) with time zone,
  	"version_service_type" "enum__manuals_v_version_service_type",
  	"version_conditions" jsonb,
  	"version_total_duration" numeric,
  	"version_total_duration_unit" "enum__manuals_v_version_total_duration_unit",
  	"version_no_fee" boolean DEFAULT false,
  	"version_remarks" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__manuals_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "manual_transitions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"manual_id" integer NOT NULL,
  	"agency_id" integer NOT NULL,
  	"revision" numeric NOT NULL,
  	"action" "enum_manual_transitions_action" NOT NULL,
  	"from_state" "enum_manual_transitions_from_state" NOT NULL,
  	"to_state" "enum_manual_transitions_to_state" NOT NULL,
  	"actor_id" integer NOT NULL,
  	"actor_name" varchar,
  	"actor_role" "enum_manual_transitions_actor_role",
  	"comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "other_services_channels" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"place" varchar,
  	"hours" varchar
  );
  
  CREATE TABLE "other_services" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"agency_id" integer,
  	"description" varchar,
  	"contact" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_other_services_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_other_services_v_version_channels" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"place" varchar,
  	"hours" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_other_services_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_agency_id" integer,
  	"version_description" varchar,
  	"version_contact" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__other_services_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alt" varchar,
  	"agency_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"agency_id" integer,
  	"service_point_id" integer,
  	"digital_id_sub" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "role_tokens" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"role" "enum_role_tokens_role" NOT NULL,
  	"agency_id" integer NOT NULL,
  	"service_point_id" integer,
  	"code_hash" varchar,
  	"code_cipher" varchar,
  	"expires_at" timestamp(3) with time zone,
  	"used_by_id" integer,
  	"used_at" timestamp(3) with time zone,
  	"issued_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "audit_logs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_audit_logs_action" NOT NULL,
  	"actor_id" integer,
  	"target_user_id" integer,
  	"agency_id" integer,
  	"ip" varchar,
  	"details" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "delay_notices_notices" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"sent_at" timestamp(3) with time zone NOT NULL,
  	"channel" "enum_delay_notices_notices_channel" DEFAULT 'letter' NOT NULL,
  	"expected_decision_at" timestamp(3) with time zone,
  	"reason_given" varchar NOT NULL,
  	"reference" varchar
  );
  
  CREATE TABLE "delay_notices" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"tracking_code" varchar,
  	"process_id" integer NOT NULL,
  	"manual_id" integer NOT NULL,
  	"service_point_id" integer NOT NULL,
  	"agency_id" integer,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"applicant_name" varchar,
  	"applicant_phone" varchar,
  	"applicant_email" varchar,
  	"applicant_address" varchar,
  	"reason" varchar,
  	"decision_decided_at" timestamp(3) with time zone,
  	"decision_outcome" "enum_delay_notices_decision_outcome",
  	"state" "enum_delay_notices_state" DEFAULT 'open',
  	"due_at" timestamp(3) with time zone,
  	"next_notice_due_at" timestamp(3) with time zone,
  	"stated_duration" numeric,
  	"stated_duration_unit" "enum_delay_notices_stated_duration_unit",
  	"reminded_for" timestamp(3) with time zone,
  	"contact_purged_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"recipient_id" integer NOT NULL,
  	"message" varchar NOT NULL,
  	"message_en" varchar,
  	"link" varchar,
  	"topic" varchar,
  	"read_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "survey_question_sets_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"text" varchar NOT NULL,
  	"text_en" varchar NOT NULL
  );
  
  CREATE TABLE "survey_question_sets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version" numeric,
  	"title" varchar NOT NULL,
  	"active" boolean DEFAULT false,
  	"activated_at" timestamp(3) with time zone,
  	"retired_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "survey_responses_answers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"question" varchar NOT NULL,
  	"score" numeric NOT NULL
  );
  
  CREATE TABLE "survey_responses" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"service_point_id" integer NOT NULL,
  	"agency_id" integer,
  	"manual_id" integer,
  	"question_set_id" integer NOT NULL,
  	"comment" varchar,
  	"channel" "enum_survey_responses_channel" DEFAULT 'api',
  	"suspect" boolean DEFAULT false,
  	"dedupe_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "licence_reports_change_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"changed_at" timestamp(3) with time zone,
  	"changed_by_id" integer,
  	"comment" varchar,
  	"changes" varchar
  );
  
  CREATE TABLE "licence_reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"service_point_id" integer,
  	"agency_id" integer,
  	"process_id" integer NOT NULL,
  	"year" numeric NOT NULL,
  	"month" numeric NOT NULL,
  	"pending_carried_over" numeric,
  	"received" numeric,
  	"approved" numeric,
  	"not_approved" numeric,
  	"withdrawn" numeric,
  	"pending_at_month_end" numeric,
  	"decided_late" numeric,
  	"state" "enum_licence_reports_state" DEFAULT 'draft',
  	"change_comment" varchar,
  	"submitted_at" timestamp(3) with time zone,
  	"submitted_by_id" integer,
  	"unit_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "licence_unlock_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"service_point_id" integer,
  	"agency_id" integer,
  	"year" numeric NOT NULL,
  	"month" numeric NOT NULL,
  	"reason" varchar NOT NULL,
  	"state" "enum_licence_unlock_requests_state" DEFAULT 'requested',
  	"decision_comment" varchar,
  	"window_ends_at" timestamp(3) with time zone,
  	"requested_at" timestamp(3) with time zone,
  	"requested_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"decided_by_id" integer,
  	"unit_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "extra_holidays" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "faqs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"section" varchar NOT NULL,
  	"question" varchar NOT NULL,
  	"answer" varchar NOT NULL,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "guidelines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "search" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"priority" numeric,
  	"type" "enum_search_type",
  	"doc_id" numeric,
  	"agency_id" integer,
  	"agency_name" varchar,
  	"provinces" varchar,
  	"tag_ids" varchar,
  	"tokens_title" varchar,
  	"tokens_tags" varchar,
  	"tokens_agency" varchar,
  	"tokens_body" varchar,
  	"head_key" varchar,
  	"body_text" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"fts_all" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, COALESCE(tokens_title, '')), 'A') || setweight(to_tsvector('simple'::regconfig, COALESCE(tokens_tags, '')), 'B') || setweight(to_tsvector('simple'::regconfig, COALESCE(tokens_agency, '')), 'C') || setweight(to_tsvector('simple'::regconfig, COALESCE(tokens_body, '')), 'D')) STORED
  );
  
  CREATE TABLE "search_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"manuals_id" integer,
  	"other_services_id" integer,
  	"service_points_id" integer,
  	"agencies_id" integer
  );
  
  CREATE TABLE "search_heads" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"head_key" varchar NOT NULL,
  	"type" varchar NOT NULL,
  	"priority" numeric,
  	"title" varchar,
  	"tokens_title" varchar,
  	"tokens_tags" varchar,
  	"head_text" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"fts_head" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, COALESCE(tokens_title, '')), 'A') || setweight(to_tsvector('simple'::regconfig, COALESCE(tokens_tags, '')), 'B')) STORED
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"meta" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"agencies_id" integer,
  	"service_points_id" integer,
  	"tags_id" integer,
  	"processes_id" integer,
  	"manuals_id" integer,
  	"manual_transitions_id" integer,
  	"other_services_id" integer,
  	"media_id" integer,
  	"users_id" integer,
  	"role_tokens_id" integer,
  	"audit_logs_id" integer,
  	"delay_notices_id" integer,
  	"notifications_id" integer,
  	"survey_question_sets_id" integer,
  	"survey_responses_id" integer,
  	"licence_reports_id" integer,
  	"licence_unlock_requests_id" integer,
  	"extra_holidays_id" integer,
  	"faqs_id" integer,
  	"guidelines_id" integer,
  	"search_id" integer,
  	"search_heads_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "agencies_breadcrumbs" ADD CONSTRAINT "agencies_breadcrumbs_doc_id_agencies_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "agencies_breadcrumbs" ADD CONSTRAINT "agencies_breadcrumbs_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_id_agencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_points_opening_hours" ADD CONSTRAINT "service_points_opening_hours_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."service_points"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_points_pin_details" ADD CONSTRAINT "service_points_pin_details_manual_id_manuals_id_fk" FOREIGN KEY ("manual_id") REFERENCES "public"."manuals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_points_pin_details" ADD CONSTRAINT "service_points_pin_details_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."service_points"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_points" ADD CONSTRAINT "service_points_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_points" ADD CONSTRAINT "service_points_parent_id_service_points_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."service_points"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "service_points_rels" ADD CONSTRAINT "service_points_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."service_points"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "service_points_rels" ADD CONSTRAINT "service_points_rels_manuals_fk" FOREIGN KEY ("manuals_id") REFERENCES "public"."manuals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tags" ADD CONSTRAINT "tags_parent_id_tags_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tags"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tags" ADD CONSTRAINT "tags_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "processes" ADD CONSTRAINT "processes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "processes_texts" ADD CONSTRAINT "processes_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "processes_rels" ADD CONSTRAINT "processes_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "processes_rels" ADD CONSTRAINT "processes_rels_tags_fk" FOREIGN KEY ("tags_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "manuals_service_channels" ADD CONSTRAINT "manuals_service_channels_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."manuals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "manuals_steps" ADD CONSTRAINT "manuals_steps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."manuals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "manuals_documents" ADD CONSTRAINT "manuals_documents_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."manuals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "manuals_fees" ADD CONSTRAINT "manuals_fees_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."manuals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "manuals_complaint_channels" ADD CONSTRAINT "manuals_complaint_channels_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."manuals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "manuals_forms" ADD CONSTRAINT "manuals_forms_file_id_media_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "manuals_forms" ADD CONSTRAINT "manuals_forms_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."manuals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "manuals_legal_basis" ADD CONSTRAINT "manuals_legal_basis_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."manuals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "manuals" ADD CONSTRAINT "manuals_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "manuals" ADD CONSTRAINT "manuals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_manuals_v_version_service_channels" ADD CONSTRAINT "_manuals_v_version_service_channels_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_manuals_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_manuals_v_version_steps" ADD CONSTRAINT "_manuals_v_version_steps_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_manuals_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_manuals_v_version_documents" ADD CONSTRAINT "_manuals_v_version_documents_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_manuals_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_manuals_v_version_fees" ADD CONSTRAINT "_manuals_v_version_fees_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_manuals_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_manuals_v_version_complaint_channels" ADD CONSTRAINT "_manuals_v_version_complaint_channels_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_manuals_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_manuals_v_version_forms" ADD CONSTRAINT "_manuals_v_version_forms_file_id_media_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_manuals_v_version_forms" ADD CONSTRAINT "_manuals_v_version_forms_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_manuals_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_manuals_v_version_legal_basis" ADD CONSTRAINT "_manuals_v_version_legal_basis_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_manuals_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_manuals_v" ADD CONSTRAINT "_manuals_v_parent_id_manuals_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."manuals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_manuals_v" ADD CONSTRAINT "_manuals_v_version_process_id_processes_id_fk" FOREIGN KEY ("version_process_id") REFERENCES "public"."processes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_manuals_v" ADD CONSTRAINT "_manuals_v_version_agency_id_agencies_id_fk" FOREIGN KEY ("version_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "manual_transitions" ADD CONSTRAINT "manual_transitions_manual_id_manuals_id_fk" FOREIGN KEY ("manual_id") REFERENCES "public"."manuals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "manual_transitions" ADD CONSTRAINT "manual_transitions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "manual_transitions" ADD CONSTRAINT "manual_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "other_services_channels" ADD CONSTRAINT "other_services_channels_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."other_services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "other_services" ADD CONSTRAINT "other_services_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_other_services_v_version_channels" ADD CONSTRAINT "_other_services_v_version_channels_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_other_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_other_services_v" ADD CONSTRAINT "_other_services_v_parent_id_other_services_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."other_services"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_other_services_v" ADD CONSTRAINT "_other_services_v_version_agency_id_agencies_id_fk" FOREIGN KEY ("version_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "role_tokens" ADD CONSTRAINT "role_tokens_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "role_tokens" ADD CONSTRAINT "role_tokens_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "role_tokens" ADD CONSTRAINT "role_tokens_used_by_id_users_id_fk" FOREIGN KEY ("used_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "role_tokens" ADD CONSTRAINT "role_tokens_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "delay_notices_notices" ADD CONSTRAINT "delay_notices_notices_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."delay_notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "delay_notices" ADD CONSTRAINT "delay_notices_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "delay_notices" ADD CONSTRAINT "delay_notices_manual_id_manuals_id_fk" FOREIGN KEY ("manual_id") REFERENCES "public"."manuals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "delay_notices" ADD CONSTRAINT "delay_notices_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "delay_notices" ADD CONSTRAINT "delay_notices_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "survey_question_sets_questions" ADD CONSTRAINT "survey_question_sets_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."survey_question_sets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "survey_responses_answers" ADD CONSTRAINT "survey_responses_answers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_manual_id_manuals_id_fk" FOREIGN KEY ("manual_id") REFERENCES "public"."manuals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_question_set_id_survey_question_sets_id_fk" FOREIGN KEY ("question_set_id") REFERENCES "public"."survey_question_sets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_reports_change_log" ADD CONSTRAINT "licence_reports_change_log_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_reports_change_log" ADD CONSTRAINT "licence_reports_change_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."licence_reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "licence_reports" ADD CONSTRAINT "licence_reports_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_reports" ADD CONSTRAINT "licence_reports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_reports" ADD CONSTRAINT "licence_reports_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_reports" ADD CONSTRAINT "licence_reports_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_unlock_requests" ADD CONSTRAINT "licence_unlock_requests_service_point_id_service_points_id_fk" FOREIGN KEY ("service_point_id") REFERENCES "public"."service_points"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_unlock_requests" ADD CONSTRAINT "licence_unlock_requests_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_unlock_requests" ADD CONSTRAINT "licence_unlock_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "licence_unlock_requests" ADD CONSTRAINT "licence_unlock_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "search" ADD CONSTRAINT "search_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "search_rels" ADD CONSTRAINT "search_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."search"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "search_rels" ADD CONSTRAINT "search_rels_manuals_fk" FOREIGN KEY ("manuals_id") REFERENCES "public"."manuals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "search_rels" ADD CONSTRAINT "search_rels_other_services_fk" FOREIGN KEY ("other_services_id") REFERENCES "public"."other_services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "search_rels" ADD CONSTRAINT "search_rels_service_points_fk" FOREIGN KEY ("service_points_id") REFERENCES "public"."service_points"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "search_rels" ADD CONSTRAINT "search_rels_agencies_fk" FOREIGN KEY ("agencies_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_agencies_fk" FOREIGN KEY ("agencies_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_service_points_fk" FOREIGN KEY ("service_points_id") REFERENCES "public"."service_points"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tags_fk" FOREIGN KEY ("tags_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_processes_fk" FOREIGN KEY ("processes_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_manuals_fk" FOREIGN KEY ("manuals_id") REFERENCES "public"."manuals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_manual_transitions_fk" FOREIGN KEY ("manual_transitions_id") REFERENCES "public"."manual_transitions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_other_services_fk" FOREIGN KEY ("other_services_id") REFERENCES "public"."other_services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_role_tokens_fk" FOREIGN KEY ("role_tokens_id") REFERENCES "public"."role_tokens"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_audit_logs_fk" FOREIGN KEY ("audit_logs_id") REFERENCES "public"."audit_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_delay_notices_fk" FOREIGN KEY ("delay_notices_id") REFERENCES "public"."delay_notices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_survey_question_sets_fk" FOREIGN KEY ("survey_question_sets_id") REFERENCES "public"."survey_question_sets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_survey_responses_fk" FOREIGN KEY ("survey_responses_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_licence_reports_fk" FOREIGN KEY ("licence_reports_id") REFERENCES "public"."licence_reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_licence_unlock_requests_fk" FOREIGN KEY ("licence_unlock_requests_id") REFERENCES "public"."licence_unlock_requests"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_extra_holidays_fk" FOREIGN KEY ("extra_holidays_id") REFERENCES "public"."extra_holidays"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_faqs_fk" FOREIGN KEY ("faqs_id") REFERENCES "public"."faqs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_guidelines_fk" FOREIGN KEY ("guidelines_id") REFERENCES "public"."guidelines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_search_fk" FOREIGN KEY ("search_id") REFERENCES "public"."search"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_search_heads_fk" FOREIGN KEY ("search_heads_id") REFERENCES "public"."search_heads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "agencies_breadcrumbs_order_idx" ON "agencies_breadcrumbs" USING btree ("_order");
  CREATE INDEX "agencies_breadcrumbs_parent_id_idx" ON "agencies_breadcrumbs" USING btree ("_parent_id");
  CREATE INDEX "agencies_breadcrumbs_doc_idx" ON "agencies_breadcrumbs" USING btree ("doc_id");
  CREATE UNIQUE INDEX "agencies_legacy_id_idx" ON "agencies" USING btree ("legacy_id");
  CREATE INDEX "agencies_kind_idx" ON "agencies" USING btree ("kind");
  CREATE UNIQUE INDEX "agencies_code_idx" ON "agencies" USING btree ("code");
  CREATE INDEX "agencies_province_idx" ON "agencies" USING btree ("province");
  CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_id");
  CREATE INDEX "agencies_updated_at_idx" ON "agencies" USING btree ("updated_at");
  CREATE INDEX "agencies_created_at_idx" ON "agencies" USING btree ("created_at");
  CREATE INDEX "service_points_opening_hours_order_idx" ON "service_points_opening_hours" USING btree ("_order");
  CREATE INDEX "service_points_opening_hours_parent_id_idx" ON "service_points_opening_hours" USING btree ("_parent_id");
  CREATE INDEX "service_points_pin_details_order_idx" ON "service_points_pin_details" USING btree ("_order");
  CREATE INDEX "service_points_pin_details_parent_id_idx" ON "service_points_pin_details" USING btree ("_parent_id");
  CREATE INDEX "service_points_pin_details_manual_idx" ON "service_points_pin_details" USING btree ("manual_id");
  CREATE UNIQUE INDEX "service_points_legacy_id_idx" ON "service_points" USING btree ("legacy_id");
  CREATE INDEX "service_points_agency_idx" ON "service_points" USING btree ("agency_id");
  CREATE INDEX "service_points_parent_idx" ON "service_points" USING btree ("parent_id");
  CREATE INDEX "service_points_visible_idx" ON "service_points" USING btree ("visible");
  CREATE INDEX "service_points_status_idx" ON "service_points" USING btree ("status");
  CREATE INDEX "service_points_province_idx" ON "service_points" USING btree ("province");
  CREATE INDEX "service_points_updated_at_idx" ON "service_points" USING btree ("updated_at");
  CREATE INDEX "service_points_created_at_idx" ON "service_points" USING btree ("created_at");
  CREATE INDEX "service_points_rels_order_idx" ON "service_points_rels" USING btree ("order");
  CREATE INDEX "service_points_rels_parent_idx" ON "service_points_rels" USING btree ("parent_id");
  CREATE INDEX "service_points_rels_path_idx" ON "service_points_rels" USING btree ("path");
  CREATE INDEX "service_points_rels_manuals_id_idx" ON "service_points_rels" USING btree ("manuals_id");
  CREATE INDEX "tags_name_idx" ON "tags" USING btree ("name");
  CREATE INDEX "tags_type_idx" ON "tags" USING btree ("type");
  CREATE INDEX "tags_parent_idx" ON "tags" USING btree ("parent_id");
  CREATE INDEX "tags_agency_idx" ON "tags" USING btree ("agency_id");
  CREATE INDEX "tags_updated_at_idx" ON "tags" USING btree ("updated_at");
  CREATE INDEX "tags_created_at_idx" ON "tags" USING btree ("created_at");
  CREATE UNIQUE INDEX "processes_legacy_id_idx" ON "processes" USING btree ("legacy_id");
  CREATE INDEX "processes_name_idx" ON "processes" USING btree ("name");
  CREATE INDEX "processes_agency_idx" ON "processes" USING btree ("agency_id");
  CREATE INDEX "processes_updated_at_idx" ON "processes" USING btree ("updated_at");
  CREATE INDEX "processes_created_at_idx" ON "processes" USING btree ("created_at");
  CREATE INDEX "processes_texts_order_parent" ON "processes_texts" USING btree ("order","parent_id");
  CREATE INDEX "processes_rels_order_idx" ON "processes_rels" USING btree ("order");
  CREATE INDEX "processes_rels_parent_idx" ON "processes_rels" USING btree ("parent_id");
  CREATE INDEX "processes_rels_path_idx" ON "processes_rels" USING btree ("path");
  CREATE INDEX "processes_rels_tags_id_idx" ON "processes_rels" USING btree ("tags_id");
  CREATE INDEX "manuals_service_channels_order_idx" ON "manuals_service_channels" USING btree ("_order");
  CREATE INDEX "manuals_service_channels_parent_id_idx" ON "manuals_service_channels" USING btree ("_parent_id");
  CREATE INDEX "manuals_steps_order_idx" ON "manuals_steps" USING btree ("_order");
  CREATE INDEX "manuals_steps_parent_id_idx" ON "manuals_steps" USING btree ("_parent_id");
  CREATE INDEX "manuals_documents_order_idx" ON "manuals_documents" USING btree ("_order");
  CREATE INDEX "manuals_documents_parent_id_idx" ON "manuals_documents" USING btree ("_parent_id");
  CREATE INDEX "manuals_fees_order_idx" ON "manuals_fees" USING btree ("_order");
  CREATE INDEX "manuals_fees_parent_id_idx" ON "manuals_fees" USING btree ("_parent_id");
  CREATE INDEX "manuals_complaint_channels_order_idx" ON "manuals_complaint_channels" USING btree ("_order");
  CREATE INDEX "manuals_complaint_channels_parent_id_idx" ON "manuals_complaint_channels" USING btree ("_parent_id");
  CREATE INDEX "manuals_forms_order_idx" ON "manuals_forms" USING btree ("_order");
  CREATE INDEX "manuals_forms_parent_id_idx" ON "manuals_forms" USING btree ("_parent_id");
  CREATE INDEX "manuals_forms_file_idx" ON "manuals_forms" USING btree ("file_id");
  CREATE INDEX "manuals_legal_basis_order_idx" ON "manuals_legal_basis" USING btree ("_order");
  CREATE INDEX "manuals_legal_basis_parent_id_idx" ON "manuals_legal_basis" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "manuals_legacy_id_idx" ON "manuals" USING btree ("legacy_id");
  CREATE INDEX "manuals_title_idx" ON "manuals" USING btree ("title");
  CREATE INDEX "manuals_process_idx" ON "manuals" USING btree ("process_id");
  CREATE INDEX "manuals_agency_idx" ON "manuals" USING btree ("agency_id");
  CREATE INDEX "manuals_workflow_state_idx" ON "manuals" USING btree ("workflow_state");
  CREATE INDEX "manuals_published_at_idx" ON "manuals" USING btree ("published_at");
  CREATE INDEX "manuals_updated_at_idx" ON "manuals" USING btree ("updated_at");
  CREATE INDEX "manuals_created_at_idx" ON "manuals" USING btree ("created_at");
  CREATE INDEX "manuals__status_idx" ON "manuals" USING btree ("_status");
  CREATE INDEX "_manuals_v_version_service_channels_order_idx" ON "_manuals_v_version_service_channels" USING btree ("_order");
  CREATE INDEX "_manuals_v_version_service_channels_parent_id_idx" ON "_manuals_v_version_service_channels" USING btree ("_parent_id");
  CREATE INDEX "_manuals_v_version_steps_order_idx" ON "_manuals_v_version_steps" USING btree ("_order");
  CREATE INDEX "_manuals_v_version_steps_parent_id_idx" ON "_manuals_v_version_steps" USING btree ("_parent_id");
  CREATE INDEX "_manuals_v_version_documents_order_idx" ON "_manuals_v_version_documents" USING btree ("_order");
  CREATE INDEX "_manuals_v_version_documents_parent_id_idx" ON "_manuals_v_version_documents" USING btree ("_parent_id");
  CREATE INDEX "_manuals_v_version_fees_order_idx" ON "_manuals_v_version_fees" USING btree ("_order");
  CREATE INDEX "_manuals_v_version_fees_parent_id_idx" ON "_manuals_v_version_fees" USING btree ("_parent_id");
  CREATE INDEX "_manuals_v_version_complaint_channels_order_idx" ON "_manuals_v_version_complaint_channels" USING btree ("_order");
  CREATE INDEX "_manuals_v_version_complaint_channels_parent_id_idx" ON "_manuals_v_version_complaint_channels" USING btree ("_parent_id");
  CREATE INDEX "_manuals_v_version_forms_order_idx" ON "_manuals_v_version_forms" USING btree ("_order");
  CREATE INDEX "_manuals_v_version_forms_parent_id_idx" ON "_manuals_v_version_forms" USING btree ("_parent_id");
  CREATE INDEX "_manuals_v_version_forms_file_idx" ON "_manuals_v_version_forms" USING btree ("file_id");
  CREATE INDEX "_manuals_v_version_legal_basis_order_idx" ON "_manuals_v_version_legal_basis" USING btree ("_order");
  CREATE INDEX "_manuals_v_version_legal_basis_parent_id_idx" ON "_manuals_v_version_legal_basis" USING btree ("_parent_id");
  CREATE INDEX "_manuals_v_parent_idx" ON "_manuals_v" USING btree ("parent_id");
  CREATE INDEX "_manuals_v_version_version_legacy_id_idx" ON "_manuals_v" USING btree ("version_legacy_id");
  CREATE INDEX "_manuals_v_version_version_title_idx" ON "_manuals_v" USING btree ("version_title");
  CREATE INDEX "_manuals_v_version_version_process_idx" ON "_manuals_v" USING btree ("version_process_id");
  CREATE INDEX "_manuals_v_version_version_agency_idx" ON "_manuals_v" USING btree ("version_agency_id");
  CREATE INDEX "_manuals_v_version_version_workflow_state_idx" ON "_manuals_v" USING btree ("version_workflow_state");
  CREATE INDEX "_manuals_v_version_version_published_at_idx" ON "_manuals_v" USING btree ("version_published_at");
  CREATE INDEX "_manuals_v_version_version_updated_at_idx" ON "_manuals_v" USING btree ("version_updated_at");
  CREATE INDEX "_manuals_v_version_version_created_at_idx" ON "_manuals_v" USING btree ("version_created_at");
  CREATE INDEX "_manuals_v_version_version__status_idx" ON "_manuals_v" USING btree ("version__status");
  CREATE INDEX "_manuals_v_created_at_idx" ON "_manuals_v" USING btree ("created_at");
  CREATE INDEX "_manuals_v_updated_at_idx" ON "_manuals_v" USING btree ("updated_at");
  CREATE INDEX "_manuals_v_latest_idx" ON "_manuals_v" USING btree ("latest");
  CREATE INDEX "manual_transitions_manual_idx" ON "manual_transitions" USING btree ("manual_id");
  CREATE INDEX "manual_transitions_agency_idx" ON "manual_transitions" USING btree ("agency_id");
  CREATE INDEX "manual_transitions_to_state_idx" ON "manual_transitions" USING btree ("to_state");
  CREATE INDEX "manual_transitions_actor_idx" ON "manual_transitions" USING btree ("actor_id");
  CREATE INDEX "manual_transitions_updated_at_idx" ON "manual_transitions" USING btree ("updated_at");
  CREATE INDEX "manual_transitions_created_at_idx" ON "manual_transitions" USING btree ("created_at");
  CREATE INDEX "other_services_channels_order_idx" ON "other_services_channels" USING btree ("_order");
  CREATE INDEX "other_services_channels_parent_id_idx" ON "other_services_channels" USING btree ("_parent_id");
  CREATE INDEX "other_services_title_idx" ON "other_services" USING btree ("title");
  CREATE INDEX "other_services_agency_idx" ON "other_services" USING btree ("agency_id");
  CREATE INDEX "other_services_updated_at_idx" ON "other_services" USING btree ("updated_at");
  CREATE INDEX "other_services_created_at_idx" ON "other_services" USING btree ("created_at");
  CREATE INDEX "other_services__status_idx" ON "other_services" USING btree ("_status");
  CREATE INDEX "_other_services_v_version_channels_order_idx" ON "_other_services_v_version_channels" USING btree ("_order");
  CREATE INDEX "_other_services_v_version_channels_parent_id_idx" ON "_other_services_v_version_channels" USING btree ("_parent_id");
  CREATE INDEX "_other_services_v_parent_idx" ON "_other_services_v" USING btree ("parent_id");
  CREATE INDEX "_other_services_v_version_version_title_idx" ON "_other_services_v" USING btree ("version_title");
  CREATE INDEX "_other_services_v_version_version_agency_idx" ON "_other_services_v" USING btree ("version_agency_id");
  CREATE INDEX "_other_services_v_version_version_updated_at_idx" ON "_other_services_v" USING btree ("version_updated_at");
  CREATE INDEX "_other_services_v_version_version_created_at_idx" ON "_other_services_v" USING btree ("version_created_at");
  CREATE INDEX "_other_services_v_version_version__status_idx" ON "_other_services_v" USING btree ("version__status");
  CREATE INDEX "_other_services_v_created_at_idx" ON "_other_services_v" USING btree ("created_at");
  CREATE INDEX "_other_services_v_updated_at_idx" ON "_other_services_v" USING btree ("updated_at");
  CREATE INDEX "_other_services_v_latest_idx" ON "_other_services_v" USING btree ("latest");
  CREATE INDEX "media_agency_idx" ON "media" USING btree ("agency_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_name_idx" ON "users" USING btree ("name");
  CREATE INDEX "users_agency_idx" ON "users" USING btree ("agency_id");
  CREATE INDEX "users_service_point_idx" ON "users" USING btree ("service_point_id");
  CREATE UNIQUE INDEX "users_digital_id_sub_idx" ON "users" USING btree ("digital_id_sub");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "role_tokens_role_idx" ON "role_tokens" USING btree ("role");
  CREATE INDEX "role_tokens_agency_idx" ON "role_tokens" USING btree ("agency_id");
  CREATE INDEX "role_tokens_service_point_idx" ON "role_tokens" USING btree ("service_point_id");
  CREATE UNIQUE INDEX "role_tokens_code_hash_idx" ON "role_tokens" USING btree ("code_hash");
  CREATE INDEX "role_tokens_expires_at_idx" ON "role_tokens" USING btree ("expires_at");
  CREATE INDEX "role_tokens_used_by_idx" ON "role_tokens" USING btree ("used_by_id");
  CREATE INDEX "role_tokens_issued_by_idx" ON "role_tokens" USING btree ("issued_by_id");
  CREATE INDEX "role_tokens_updated_at_idx" ON "role_tokens" USING btree ("updated_at");
  CREATE INDEX "role_tokens_created_at_idx" ON "role_tokens" USING btree ("created_at");
  CREATE INDEX "audit_logs_action_idx" ON "audit_logs" USING btree ("action");
  CREATE INDEX "audit_logs_actor_idx" ON "audit_logs" USING btree ("actor_id");
  CREATE INDEX "audit_logs_target_user_idx" ON "audit_logs" USING btree ("target_user_id");
  CREATE INDEX "audit_logs_agency_idx" ON "audit_logs" USING btree ("agency_id");
  CREATE INDEX "audit_logs_updated_at_idx" ON "audit_logs" USING btree ("updated_at");
  CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs" USING btree ("created_at");
  CREATE INDEX "delay_notices_notices_order_idx" ON "delay_notices_notices" USING btree ("_order");
  CREATE INDEX "delay_notices_notices_parent_id_idx" ON "delay_notices_notices" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "delay_notices_tracking_code_idx" ON "delay_notices" USING btree ("tracking_code");
  CREATE INDEX "delay_notices_process_idx" ON "delay_notices" USING btree ("process_id");
  CREATE INDEX "delay_notices_manual_idx" ON "delay_notices" USING btree ("manual_id");
  CREATE INDEX "delay_notices_service_point_idx" ON "delay_notices" USING btree ("service_point_id");
  CREATE INDEX "delay_notices_agency_idx" ON "delay_notices" USING btree ("agency_id");
  CREATE INDEX "delay_notices_received_at_idx" ON "delay_notices" USING btree ("received_at");
  CREATE INDEX "delay_notices_decision_decision_decided_at_idx" ON "delay_notices" USING btree ("decision_decided_at");
  CREATE INDEX "delay_notices_state_idx" ON "delay_notices" USING btree ("state");
  CREATE INDEX "delay_notices_due_at_idx" ON "delay_notices" USING btree ("due_at");
  CREATE INDEX "delay_notices_next_notice_due_at_idx" ON "delay_notices" USING btree ("next_notice_due_at");
  CREATE INDEX "delay_notices_updated_at_idx" ON "delay_notices" USING btree ("updated_at");
  CREATE INDEX "delay_notices_created_at_idx" ON "delay_notices" USING btree ("created_at");
  CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id");
  CREATE INDEX "notifications_topic_idx" ON "notifications" USING btree ("topic");
  CREATE INDEX "notifications_read_at_idx" ON "notifications" USING btree ("read_at");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE INDEX "survey_question_sets_questions_order_idx" ON "survey_question_sets_questions" USING btree ("_order");
  CREATE INDEX "survey_question_sets_questions_parent_id_idx" ON "survey_question_sets_questions" USING btree ("_parent_id");
  CREATE INDEX "survey_question_sets_version_idx" ON "survey_question_sets" USING btree ("version");
  CREATE INDEX "survey_question_sets_active_idx" ON "survey_question_sets" USING btree ("active");
  CREATE INDEX "survey_question_sets_updated_at_idx" ON "survey_question_sets" USING btree ("updated_at");
  CREATE INDEX "survey_question_sets_created_at_idx" ON "survey_question_sets" USING btree ("created_at");
  CREATE INDEX "survey_responses_answers_order_idx" ON "survey_responses_answers" USING btree ("_order");
  CREATE INDEX "survey_responses_answers_parent_id_idx" ON "survey_responses_answers" USING btree ("_parent_id");
  CREATE INDEX "survey_responses_service_point_idx" ON "survey_responses" USING btree ("service_point_id");
  CREATE INDEX "survey_responses_agency_idx" ON "survey_responses" USING btree ("agency_id");
  CREATE INDEX "survey_responses_manual_idx" ON "survey_responses" USING btree ("manual_id");
  CREATE INDEX "survey_responses_question_set_idx" ON "survey_responses" USING btree ("question_set_id");
  CREATE UNIQUE INDEX "survey_responses_dedupe_key_idx" ON "survey_responses" USING btree ("dedupe_key");
  CREATE INDEX "survey_responses_updated_at_idx" ON "survey_responses" USING btree ("updated_at");
  CREATE INDEX "survey_responses_created_at_idx" ON "survey_responses" USING btree ("created_at");
  CREATE INDEX "licence_reports_change_log_order_idx" ON "licence_reports_change_log" USING btree ("_order");
  CREATE INDEX "licence_reports_change_log_parent_id_idx" ON "licence_reports_change_log" USING btree ("_parent_id");
  CREATE INDEX "licence_reports_change_log_changed_by_idx" ON "licence_reports_change_log" USING btree ("changed_by_id");
  CREATE INDEX "licence_reports_service_point_idx" ON "licence_reports" USING btree ("service_point_id");
  CREATE INDEX "licence_reports_agency_idx" ON "licence_reports" USING btree ("agency_id");
  CREATE INDEX "licence_reports_process_idx" ON "licence_reports" USING btree ("process_id");
  CREATE INDEX "licence_reports_year_idx" ON "licence_reports" USING btree ("year");
  CREATE INDEX "licence_reports_month_idx" ON "licence_reports" USING btree ("month");
  CREATE INDEX "licence_reports_state_idx" ON "licence_reports" USING btree ("state");
  CREATE INDEX "licence_reports_submitted_by_idx" ON "licence_reports" USING btree ("submitted_by_id");
  CREATE INDEX "licence_reports_unit_key_idx" ON "licence_reports" USING btree ("unit_key");
  CREATE INDEX "licence_reports_updated_at_idx" ON "licence_reports" USING btree ("updated_at");
  CREATE INDEX "licence_reports_created_at_idx" ON "licence_reports" USING btree ("created_at");
  CREATE UNIQUE INDEX "unitKey_process_year_month_idx" ON "licence_reports" USING btree ("unit_key","process_id","year","month");
  CREATE INDEX "licence_unlock_requests_service_point_idx" ON "licence_unlock_requests" USING btree ("service_point_id");
  CREATE INDEX "licence_unlock_requests_agency_idx" ON "licence_unlock_requests" USING btree ("agency_id");
  CREATE INDEX "licence_unlock_requests_year_idx" ON "licence_unlock_requests" USING btree ("year");
  CREATE INDEX "licence_unlock_requests_month_idx" ON "licence_unlock_requests" USING btree ("month");
  CREATE INDEX "licence_unlock_requests_state_idx" ON "licence_unlock_requests" USING btree ("state");
  CREATE INDEX "licence_unlock_requests_requested_by_idx" ON "licence_unlock_requests" USING btree ("requested_by_id");
  CREATE INDEX "licence_unlock_requests_decided_by_idx" ON "licence_unlock_requests" USING btree ("decided_by_id");
  CREATE INDEX "licence_unlock_requests_unit_key_idx" ON "licence_unlock_requests" USING btree ("unit_key");
  CREATE INDEX "licence_unlock_requests_updated_at_idx" ON "licence_unlock_requests" USING btree ("updated_at");
  CREATE INDEX "licence_unlock_requests_created_at_idx" ON "licence_unlock_requests" USING btree ("created_at");
  CREATE UNIQUE INDEX "extra_holidays_date_idx" ON "extra_holidays" USING btree ("date");
  CREATE INDEX "extra_holidays_updated_at_idx" ON "extra_holidays" USING btree ("updated_at");
  CREATE INDEX "extra_holidays_created_at_idx" ON "extra_holidays" USING btree ("created_at");
  CREATE INDEX "faqs_section_idx" ON "faqs" USING btree ("section");
  CREATE INDEX "faqs_order_idx" ON "faqs" USING btree ("order");
  CREATE INDEX "faqs_updated_at_idx" ON "faqs" USING btree ("updated_at");
  CREATE INDEX "faqs_created_at_idx" ON "faqs" USING btree ("created_at");
  CREATE UNIQUE INDEX "guidelines_slug_idx" ON "guidelines" USING btree ("slug");
  CREATE INDEX "guidelines_order_idx" ON "guidelines" USING btree ("order");
  CREATE INDEX "guidelines_updated_at_idx" ON "guidelines" USING btree ("updated_at");
  CREATE INDEX "guidelines_created_at_idx" ON "guidelines" USING btree ("created_at");
  CREATE INDEX "search_type_idx" ON "search" USING btree ("type");
  CREATE INDEX "search_doc_id_idx" ON "search" USING btree ("doc_id");
  CREATE INDEX "search_agency_idx" ON "search" USING btree ("agency_id");
  CREATE INDEX "search_updated_at_idx" ON "search" USING btree ("updated_at");
  CREATE INDEX "search_created_at_idx" ON "search" USING btree ("created_at");
  CREATE INDEX "search_fts_all_idx" ON "search" USING gin ("fts_all");
  CREATE INDEX "search_head_key_id_idx" ON "search" USING btree ("head_key","id");
  CREATE INDEX "search_provinces_trgm_idx" ON "search" USING gin ("provinces" gin_trgm_ops);
  CREATE INDEX "search_tag_ids_trgm_idx" ON "search" USING gin ("tag_ids" gin_trgm_ops);
  CREATE INDEX "search_rels_order_idx" ON "search_rels" USING btree ("order");
  CREATE INDEX "search_rels_parent_idx" ON "search_rels" USING btree ("parent_id");
  CREATE INDEX "search_rels_path_idx" ON "search_rels" USING btree ("path");
  CREATE INDEX "search_rels_manuals_id_idx" ON "search_rels" USING btree ("manuals_id");
  CREATE INDEX "search_rels_other_services_id_idx" ON "search_rels" USING btree ("other_services_id");
  CREATE INDEX "search_rels_service_points_id_idx" ON "search_rels" USING btree ("service_points_id");
  CREATE INDEX "search_rels_agencies_id_idx" ON "search_rels" USING btree ("agencies_id");
  CREATE UNIQUE INDEX "search_heads_head_key_idx" ON "search_heads" USING btree ("head_key");
  CREATE INDEX "search_heads_updated_at_idx" ON "search_heads" USING btree ("updated_at");
  CREATE INDEX "search_heads_created_at_idx" ON "search_heads" USING btree ("created_at");
  CREATE INDEX "search_heads_fts_head_idx" ON "search_heads" USING gin ("fts_head");
  CREATE INDEX "search_heads_head_text_trgm_idx" ON "search_heads" USING gin ("head_text" gin_trgm_ops);
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_agencies_id_idx" ON "payload_locked_documents_rels" USING btree ("agencies_id");
  CREATE INDEX "payload_locked_documents_rels_service_points_id_idx" ON "payload_locked_documents_rels" USING btree ("service_points_id");
  CREATE INDEX "payload_locked_documents_rels_tags_id_idx" ON "payload_locked_documents_rels" USING btree ("tags_id");
  CREATE INDEX "payload_locked_documents_rels_processes_id_idx" ON "payload_locked_documents_rels" USING btree ("processes_id");
  CREATE INDEX "payload_locked_documents_rels_manuals_id_idx" ON "payload_locked_documents_rels" USING btree ("manuals_id");
  CREATE INDEX "payload_locked_documents_rels_manual_transitions_id_idx" ON "payload_locked_documents_rels" USING btree ("manual_transitions_id");
  CREATE INDEX "payload_locked_documents_rels_other_services_id_idx" ON "payload_locked_documents_rels" USING btree ("other_services_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_role_tokens_id_idx" ON "payload_locked_documents_rels" USING btree ("role_tokens_id");
  CREATE INDEX "payload_locked_documents_rels_audit_logs_id_idx" ON "payload_locked_documents_rels" USING btree ("audit_logs_id");
  CREATE INDEX "payload_locked_documents_rels_delay_notices_id_idx" ON "payload_locked_documents_rels" USING btree ("delay_notices_id");
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");
  CREATE INDEX "payload_locked_documents_rels_survey_question_sets_id_idx" ON "payload_locked_documents_rels" USING btree ("survey_question_sets_id");
  CREATE INDEX "payload_locked_documents_rels_survey_responses_id_idx" ON "payload_locked_documents_rels" USING btree ("survey_responses_id");
  CREATE INDEX "payload_locked_documents_rels_licence_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("licence_reports_id");
  CREATE INDEX "payload_locked_documents_rels_licence_unlock_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("licence_unlock_requests_id");
  CREATE INDEX "payload_locked_documents_rels_extra_holidays_id_idx" ON "payload_locked_documents_rels" USING btree ("extra_holidays_id");
  CREATE INDEX "payload_locked_documents_rels_faqs_id_idx" ON "payload_locked_documents_rels" USING btree ("faqs_id");
  CREATE INDEX "payload_locked_documents_rels_guidelines_id_idx" ON "payload_locked_documents_rels" USING btree ("guidelines_id");
  CREATE INDEX "payload_locked_documents_rels_search_id_idx" ON "payload_locked_documents_rels" USING btree ("search_id");
  CREATE INDEX "payload_locked_documents_rels_search_heads_id_idx" ON "payload_locked_documents_rels" USING btree ("search_heads_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "agencies_breadcrumbs" CASCADE;
  DROP TABLE "agencies" CASCADE;
  DROP TABLE "service_points_opening_hours" CASCADE;
  DROP TABLE "service_points_pin_details" CASCADE;
  DROP TABLE "service_points" CASCADE;
  DROP TABLE "service_points_rels" CASCADE;
  DROP TABLE "tags" CASCADE;
  DROP TABLE "processes" CASCADE;
  DROP TABLE "processes_texts" CASCADE;
  DROP TABLE "processes_rels" CASCADE;
  DROP TABLE "manuals_service_channels" CASCADE;
  DROP TABLE "manuals_steps" CASCADE;
  DROP TABLE "manuals_documents" CASCADE;
  DROP TABLE "manuals_fees" CASCADE;
  DROP TABLE "manuals_complaint_channels" CASCADE;
  DROP TABLE "manuals_forms" CASCADE;
  DROP TABLE "manuals_legal_basis" CASCADE;
  DROP TABLE "manuals" CASCADE;
  DROP TABLE "_manuals_v_version_service_channels" CASCADE;
  DROP TABLE "_manuals_v_version_steps" CASCADE;
  DROP TABLE "_manuals_v_version_documents" CASCADE;
  DROP TABLE "_manuals_v_version_fees" CASCADE;
  DROP TABLE "_manuals_v_version_complaint_channels" CASCADE;
  DROP TABLE "_manuals_v_version_forms" CASCADE;
  DROP TABLE "_manuals_v_version_legal_basis" CASCADE;
  DROP TABLE "_manuals_v" CASCADE;
  DROP TABLE "manual_transitions" CASCADE;
  DROP TABLE "other_services_channels" CASCADE;
  DROP TABLE "other_services" CASCADE;
  DROP TABLE "_other_services_v_version_channels" CASCADE;
  DROP TABLE "_other_services_v" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "role_tokens" CASCADE;
  DROP TABLE "audit_logs" CASCADE;
  DROP TABLE "delay_notices_notices" CASCADE;
  DROP TABLE "delay_notices" CASCADE;
  DROP TABLE "notifications" CASCADE;
  DROP TABLE "survey_question_sets_questions" CASCADE;
  DROP TABLE "survey_question_sets" CASCADE;
  DROP TABLE "survey_responses_answers" CASCADE;
  DROP TABLE "survey_responses" CASCADE;
  DROP TABLE "licence_reports_change_log" CASCADE;
  DROP TABLE "licence_reports" CASCADE;
  DROP TABLE "licence_unlock_requests" CASCADE;
  DROP TABLE "extra_holidays" CASCADE;
  DROP TABLE "faqs" CASCADE;
  DROP TABLE "guidelines" CASCADE;
  DROP TABLE "search" CASCADE;
  DROP TABLE "search_rels" CASCADE;
  DROP TABLE "search_heads" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  DROP TYPE "public"."enum_agencies_kind";
  DROP TYPE "public"."enum_agencies_licence_reporting_by";
  DROP TYPE "public"."enum_service_points_opening_hours_day";
  DROP TYPE "public"."enum_service_points_status";
  DROP TYPE "public"."enum_tags_type";
  DROP TYPE "public"."enum_manuals_steps_duration_unit";
  DROP TYPE "public"."enum_manuals_workflow_state";
  DROP TYPE "public"."enum_manuals_service_type";
  DROP TYPE "public"."enum_manuals_total_duration_unit";
  DROP TYPE "public"."enum_manuals_status";
  DROP TYPE "public"."enum__manuals_v_version_steps_duration_unit";
  DROP TYPE "public"."enum__manuals_v_version_workflow_state";
  DROP TYPE "public"."enum__manuals_v_version_service_type";
  DROP TYPE "public"."enum__manuals_v_version_total_duration_unit";
  DROP TYPE "public"."enum__manuals_v_version_status";
  DROP TYPE "public"."enum_manual_transitions_action";
  DROP TYPE "public"."enum_manual_transitions_from_state";
  DROP TYPE "public"."enum_manual_transitions_to_state";
  DROP TYPE "public"."enum_manual_transitions_actor_role";
  DROP TYPE "public"."enum_other_services_status";
  DROP TYPE "public"."enum__other_services_v_version_status";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_role_tokens_role";
  DROP TYPE "public"."enum_audit_logs_action";
  DROP TYPE "public"."enum_delay_notices_notices_channel";
  DROP TYPE "public"."enum_delay_notices_decision_outcome";
  DROP TYPE "public"."enum_delay_notices_state";
  DROP TYPE "public"."enum_delay_notices_stated_duration_unit";
  DROP TYPE "public"."enum_survey_responses_channel";
  DROP TYPE "public"."enum_licence_reports_state";
  DROP TYPE "public"."enum_licence_unlock_requests_state";
  DROP TYPE "public"."enum_search_type";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
