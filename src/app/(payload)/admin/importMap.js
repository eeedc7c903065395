import { PosterField as PosterField_3d8b85f20687af650f0ba88ae63b3416 } from '../../../components/survey/PosterField'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { WorkflowTimeline as WorkflowTimeline_5222b0986edbb2fb551a70a882ff7bae } from '../../../components/Workflow/WorkflowTimeline'
import { WaitingForMe as WaitingForMe_ea9fb42ff4fd5d62d7e77cef14fc1fa6 } from '../../../components/Workflow/WaitingForMe'
import { WorkflowActions as WorkflowActions_1fe8452d58a9bdba8396290e2bb3757f } from '../../../components/Workflow/WorkflowActions'
import { NoUnpublish as NoUnpublish_1fe8452d58a9bdba8396290e2bb3757f } from '../../../components/Workflow/WorkflowActions'
import { OtherServiceActions as OtherServiceActions_7dc7ab7b7cdfa9c5299de2a09a3622bb } from '../../../components/Workflow/OtherServiceActions'
import { CodeCell as CodeCell_fbc415753d1ff6daadf94818b8318bfb } from '../../../components/RoleTokens/CodeCell'
import { CodeField as CodeField_6755a0bba671ace948b6d1b733846ec7 } from '../../../components/RoleTokens/CodeField'
import { StateCell as StateCell_a709497d01b233fa7b97a3358464631a } from '../../../components/RoleTokens/StateCell'
import { StateField as StateField_a709497d01b233fa7b97a3358464631a } from '../../../components/RoleTokens/StateCell'
import { RefreshCell as RefreshCell_5989c530e3a01f75fc6793d86da3b74a } from '../../../components/RoleTokens/RefreshCell'
import { RefreshFieldPlaceholder as RefreshFieldPlaceholder_5989c530e3a01f75fc6793d86da3b74a } from '../../../components/RoleTokens/RefreshCell'
import { TokenHelp as TokenHelp_fb0705f20a7c19d153bbb3e862dc1172 } from '../../../components/RoleTokens/TokenHelp'
import { ExportLinks as ExportLinks_de8788ad4e209c6dd7fd2e34248aaade } from '../../../components/DelayNotices/ExportLinks'
import { YearCell as YearCell_2603f0e6faf542f6afe42cfefd0293db } from '../../../components/LicenceReports/PeriodFields'
import { YearField as YearField_2603f0e6faf542f6afe42cfefd0293db } from '../../../components/LicenceReports/PeriodFields'
import { MonthCell as MonthCell_2603f0e6faf542f6afe42cfefd0293db } from '../../../components/LicenceReports/PeriodFields'
import { MonthField as MonthField_2603f0e6faf542f6afe42cfefd0293db } from '../../../components/LicenceReports/PeriodFields'
import { DueReports as DueReports_bde76877d6d2d5f1b9d662d8c8eaa971 } from '../../../components/LicenceReports/DueReports'
import { LinkToDoc as LinkToDoc_aead06e4cbf6b2620c5c51c9ab283634 } from '@payloadcms/plugin-search/client'
import { ReindexButton as ReindexButton_aead06e4cbf6b2620c5c51c9ab283634 } from '@payloadcms/plugin-search/client'
import { Icon as Icon_ffbd53b701c2b96b10e1ee8308b1de9b } from '../../../components/Admin/Brand'
import { Logo as Logo_ffbd53b701c2b96b10e1ee8308b1de9b } from '../../../components/Admin/Brand'
import { DigitalIdButton as DigitalIdButton_16bba82e63cc803a059a02a5a019e4c7 } from '../../../components/Auth/DigitalIdButton'
import { OfficerNavLinks as OfficerNavLinks_a8ea647595071138da56ec932d6679c3 } from '../../../components/Admin/OfficerNavLinks'
import { OfficerDashboard as OfficerDashboard_e3039099b4779b2a38513cbcc3df578e } from '../../../components/Admin/OfficerDashboard'
import { UnboundRedirect as UnboundRedirect_f34725c68002527750122a28c53de7b6 } from '../../../components/Auth/UnboundRedirect'
import { BuddhistEraDatePickers as BuddhistEraDatePickers_18c548586900573807ac65e073c36659 } from '../../../components/Admin/BuddhistEraDatePickers'
import { RedeemTokenView as RedeemTokenView_3da71689a36137d5e126f83fbde77a9e } from '../../../components/Auth/RedeemTokenView'
import { SatisfactionReportView as SatisfactionReportView_113fe0749921d1d3b9582a72dfb1caf5 } from '../../../components/survey/SatisfactionReportView'
import { LicenceSummaryView as LicenceSummaryView_d2e11042657ebb9a14d34febb1eb2a77 } from '../../../components/LicenceReports/LicenceSummaryView'
import { SummaryReportsView as SummaryReportsView_d7e87a1dd5600043170a1b3fcdbcb011 } from '../../../components/Reports/SummaryReportsView'
import { FaqView as FaqView_2846f042bc212a62c11ad445d885affd } from '../../../components/Admin/HelpView'
import { GuidelinesView as GuidelinesView_2846f042bc212a62c11ad445d885affd } from '../../../components/Admin/HelpView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/survey/PosterField#PosterField": PosterField_3d8b85f20687af650f0ba88ae63b3416,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/Workflow/WorkflowTimeline#WorkflowTimeline": WorkflowTimeline_5222b0986edbb2fb551a70a882ff7bae,
  "/components/Workflow/WaitingForMe#WaitingForMe": WaitingForMe_ea9fb42ff4fd5d62d7e77cef14fc1fa6,
  "/components/Workflow/WorkflowActions#WorkflowActions": WorkflowActions_1fe8452d58a9bdba8396290e2bb3757f,
  "/components/Workflow/WorkflowActions#NoUnpublish": NoUnpublish_1fe8452d58a9bdba8396290e2bb3757f,
  "/components/Workflow/OtherServiceActions#OtherServiceActions": OtherServiceActions_7dc7ab7b7cdfa9c5299de2a09a3622bb,
  "/components/RoleTokens/CodeCell#CodeCell": CodeCell_fbc415753d1ff6daadf94818b8318bfb,
  "/components/RoleTokens/CodeField#CodeField": CodeField_6755a0bba671ace948b6d1b733846ec7,
  "/components/RoleTokens/StateCell#StateCell": StateCell_a709497d01b233fa7b97a3358464631a,
  "/components/RoleTokens/StateCell#StateField": StateField_a709497d01b233fa7b97a3358464631a,
  "/components/RoleTokens/RefreshCell#RefreshCell": RefreshCell_5989c530e3a01f75fc6793d86da3b74a,
  "/components/RoleTokens/RefreshCell#RefreshFieldPlaceholder": RefreshFieldPlaceholder_5989c530e3a01f75fc6793d86da3b74a,
  "/components/RoleTokens/TokenHelp#TokenHelp": TokenHelp_fb0705f20a7c19d153bbb3e862dc1172,
  "/components/DelayNotices/ExportLinks#ExportLinks": ExportLinks_de8788ad4e209c6dd7fd2e34248aaade,
  "/components/LicenceReports/PeriodFields#YearCell": YearCell_2603f0e6faf542f6afe42cfefd0293db,
  "/components/LicenceReports/PeriodFields#YearField": YearField_2603f0e6faf542f6afe42cfefd0293db,
  "/components/LicenceReports/PeriodFields#MonthCell": MonthCell_2603f0e6faf542f6afe42cfefd0293db,
  "/components/LicenceReports/PeriodFields#MonthField": MonthField_2603f0e6faf542f6afe42cfefd0293db,
  "/components/LicenceReports/DueReports#DueReports": DueReports_bde76877d6d2d5f1b9d662d8c8eaa971,
  "@payloadcms/plugin-search/client#LinkToDoc": LinkToDoc_aead06e4cbf6b2620c5c51c9ab283634,
  "@payloadcms/plugin-search/client#ReindexButton": ReindexButton_aead06e4cbf6b2620c5c51c9ab283634,
  "/components/Admin/Brand#Icon": Icon_ffbd53b701c2b96b10e1ee8308b1de9b,
  "/components/Admin/Brand#Logo": Logo_ffbd53b701c2b96b10e1ee8308b1de9b,
  "/components/Auth/DigitalIdButton#DigitalIdButton": DigitalIdButton_16bba82e63cc803a059a02a5a019e4c7,
  "/components/Admin/OfficerNavLinks#OfficerNavLinks": OfficerNavLinks_a8ea647595071138da56ec932d6679c3,
  "/components/Admin/OfficerDashboard#OfficerDashboard": OfficerDashboard_e3039099b4779b2a38513cbcc3df578e,
  "/components/Auth/UnboundRedirect#UnboundRedirect": UnboundRedirect_f34725c68002527750122a28c53de7b6,
  "/components/Admin/BuddhistEraDatePickers#BuddhistEraDatePickers": BuddhistEraDatePickers_18c548586900573807ac65e073c36659,
  "/components/Auth/RedeemTokenView#RedeemTokenView": RedeemTokenView_3da71689a36137d5e126f83fbde77a9e,
  "/components/survey/SatisfactionReportView#SatisfactionReportView": SatisfactionReportView_113fe0749921d1d3b9582a72dfb1caf5,
  "/components/LicenceReports/LicenceSummaryView#LicenceSummaryView": LicenceSummaryView_d2e11042657ebb9a14d34febb1eb2a77,
  "/components/Reports/SummaryReportsView#SummaryReportsView": SummaryReportsView_d7e87a1dd5600043170a1b3fcdbcb011,
  "/components/Admin/HelpView#FaqView": FaqView_2846f042bc212a62c11ad445d885affd,
  "/components/Admin/HelpView#GuidelinesView": GuidelinesView_2846f042bc212a62c11ad445d885affd,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
