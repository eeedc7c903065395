import { Agencies } from './Agencies'
import { Manuals } from './Manuals'
import { Media } from './Media'
import { OtherServices } from './OtherServices'
import { Processes } from './Processes'
import { ServicePoints } from './ServicePoints'
import { Tags } from './Tags'
import { Users } from './Users'

export const collections = [Agencies, ServicePoints, Tags, Processes, Manuals, OtherServices, Media, Users]
