import { Logger } from '@nestjs/common';

// Handlers log every change; in unit specs those lines would bury the test report.
Logger.overrideLogger(false);
