// Options page entry point.
import { mount } from '../../ui/mount';
import { OptionsApp } from './options-app';
import './options.css';

mount(<OptionsApp />);
